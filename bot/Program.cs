using BepBot.Cards;
using BepBot.Chat;
using BepBot.Features.Broadcasts;
using BepBot.Features.Communes;
using BepBot.Features.Conferences;
using BepBot.Features.Help;
using BepBot.Features.Labs;
using BepBot.Features.Observatoire;
using BepBot.Features.Projects;
using BepBot.Features.Roster;
using BepBot.Features.Votes;
using BepBot.Features.Welcome;
using BepBot.Infrastructure;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Health;
using BepBot.Infrastructure.Telemetry;
using BepBot.Platform.Delivery;
using BepBot.Teams;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = DefaultEnvironment.For(args) });
builder.AddInfrastructure();
builder.AddTelemetry();
builder.AddCards();
builder.AddTeams();
builder.AddChat();
builder.AddDelivery();
builder.AddHelp();
builder.AddWelcome();
builder.AddRoster();
builder.AddBroadcasts();
builder.AddConferences();
builder.AddLabs();
builder.AddObservatoire();
builder.AddProjects();
builder.AddCommunes();
builder.AddVotes();

var app = builder.Build();
app.MapTeams();
app.MapExports();
app.MapHealth();
app.Run();

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;

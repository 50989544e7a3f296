using BepBot.Chat;
using BepBot.Features.Broadcasts;
using BepBot.Features.Help;
using BepBot.Features.Roster;
using BepBot.Features.Votes;
using BepBot.Infrastructure;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Health;
using BepBot.Teams;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddTeams();
builder.AddHelp();
builder.AddChat();
builder.AddRoster();
builder.AddBroadcasts();
builder.AddVotes();

var app = builder.Build();
app.MapTeams();
app.MapExports();
app.MapHealth();
app.Run();

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;

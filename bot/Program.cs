using BepBot.Chat;
using BepBot.Features.Help;
using BepBot.Features.Roster;
using BepBot.Infrastructure;
using BepBot.Teams;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddTeams();
builder.AddHelp();
builder.AddChat();
builder.AddRoster();

var app = builder.Build();
app.MapTeams();
app.Run();

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;

using System.Text.Json.Serialization;

namespace BepBot.Chat.Dashboard;

/// <summary>One part of a page, under its heading. The JSON carries its kind so the tab knows how to lay it out.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(FactsBlock), "facts")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(ChartBlock), "chart")]
[JsonDerivedType(typeof(ChecklistBlock), "checklist")]
[JsonDerivedType(typeof(ButtonsBlock), "buttons")]
[JsonDerivedType(typeof(FormBlock), "form")]
public abstract record DashboardBlock(string Heading);

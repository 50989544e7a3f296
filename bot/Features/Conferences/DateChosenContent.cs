using BepBot.Chat;

namespace BepBot.Features.Conferences;

public sealed class DateChosenContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards, TimeProvider clock) : SessionCardContent(store, roster, cards, clock)
{
    public override string Kind => ConferenceAnnouncer.DateKind;

    protected override string Headline(ConferenceSession session) => Cards.Texts["DateChosen_Headline", Cards.When(session)];
}

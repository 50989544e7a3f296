using BepBot.Chat;

namespace BepBot.Features.Conferences;

public sealed class ConferenceReminderContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards, TimeProvider clock) : SessionCardContent(store, roster, cards, clock)
{
    public override string Kind => ConferenceAnnouncer.ReminderKind;

    protected override bool SkipWhenAnswered => true;

    protected override string Headline(ConferenceSession session) => Cards.Texts["Reminder_Headline", Cards.When(session)];
}

using BepBot.Chat;

namespace BepBot.Features.Conferences;

public sealed class InvitationContent(ConferenceStore store, IMemberDirectory roster, ConferenceCards cards, TimeProvider clock) : SessionCardContent(store, roster, cards, clock)
{
    public override string Kind => ConferenceAnnouncer.InvitationKind;

    protected override string Headline(ConferenceSession session) => Cards.Texts["Invitation_Headline"];
}

namespace BepBot.Platform.Procurations;

public enum ProcurationOutcome
{
    Given,
    AlreadyGivenToThisHolder,
    CommuneAlreadyGaveOne,
    HolderAlreadyCarriesOne,
    CannotHoldOwnCommune,
}

using BepBot.Platform.Territory;

namespace BepBot.Features.Projects;

/// <summary>
/// Local play: the projects and purchasing centrals named on the BEP's supracommunality page. Names, programmes
/// and bassins come from that page; status, progress, milestones, dates, contacts and the member communes of the
/// centrals are invented, hence <see cref="Project.IsDemo"/> (the cards say "données de démonstration").
/// </summary>
public static class DemoProjects
{
    private const string Source = "Page « Supracommunalité » du BEP + données de démonstration";

    public static IReadOnlyList<Project> Create(DateTimeOffset now)
    {
        var namur = TerritoryMap.NamurCapitale;
        var dinant = TerritoryMap.DinantMeuseCondroz;
        var essaimage = TerritoryMap.Essaimage;
        return
        [
            Make(now, "namur-territoire-intelligent", "Namur, territoire intelligent", ProjectKind.Project, "Smart Région", [namur], namur.Communes,
                ProjectStatus.InProgress, "Déploiement des capteurs et du tableau de bord", 55, "Présentation du tableau de bord aux bourgmestres", new DateOnly(2027, 2, 18),
                "Chargé·e de projet Smart Région (démo)", ["namur smart", "smart region namur", "smart city namur", "territoire intelligent namur"],
                "Dynamique Smart Région du bassin Namur-Capitale : données et services numériques partagés entre les communes."),
            Make(now, "parc-naturel-coeur-de-condroz", "Parc naturel en Cœur de Condroz", ProjectKind.Project, "Parcs naturels et nationaux", [namur], ["Assesse", "Gesves", "Ohey", "Hamois", "Havelange"],
                ProjectStatus.Study, "Étude de faisabilité et charte paysagère", 30, "Dépôt du dossier de reconnaissance", new DateOnly(2027, 6, 30),
                "Chargé·e de mission parcs naturels (démo)", ["coeur de condroz", "parc du condroz", "condroz"],
                "Soutien au projet de Parc naturel en Cœur de Condroz."),
            Make(now, "namur-au-fil-de-l-eau", "Namur au fil de l'eau", ProjectKind.Project, "Namur au fil de l'eau", [namur, dinant], [.. namur.Communes, .. dinant.Communes],
                ProjectStatus.InProgress, "Aménagement des berges et itinéraires le long de la Meuse et de la Sambre", 40, "Inauguration du premier tronçon de promenade", new DateOnly(2027, 5, 15),
                "Chargé·e de projet voies d'eau (démo)", ["fil de l'eau", "au fil de l'eau", "voies d'eau", "voies navigables", "berges"],
                "Valorisation des voies d'eau, des bassins Namur-Capitale et Dinant-Meuse-Condroz."),
            Make(now, "dinant-territoire-intelligent", "Dinant-Meuse-Condroz, territoire intelligent", ProjectKind.Project, "Smart Région", [dinant], dinant.Communes,
                ProjectStatus.InProgress, "Inventaire des données communales", 35, "Choix des premiers services numériques", new DateOnly(2027, 3, 11),
                "Chargé·e de projet Smart Région (démo)", ["dinant smart", "smart region dinant", "territoire intelligent dinant", "dmc territoire intelligent"],
                "Dynamique Smart Région de l'arrondissement de Dinant."),
            Make(now, "parc-national", "Parc national (soutien au projet)", ProjectKind.Project, "Parcs naturels et nationaux", [dinant], ["Anhée", "Dinant", "Hastière", "Onhaye", "Yvoir", "Houyet"],
                ProjectStatus.Study, "Préparation de la candidature avec la Région wallonne", 20, "Dépôt de la candidature de Parc national", new DateOnly(2027, 9, 30),
                "Chargé·e de mission parcs naturels (démo)", ["parc national", "parcs nationaux"],
                "Soutien au projet de Parc national sur l'arrondissement de Dinant."),
            Make(now, "parc-naturel-molignee", "Parc naturel de la Molignée", ProjectKind.Project, "Parcs naturels et nationaux", [dinant, essaimage], ["Anhée", "Onhaye", "Mettet", "Florennes"],
                ProjectStatus.InProgress, "Plan de gestion et commission de gestion", 50, "Approbation du plan de gestion", new DateOnly(2027, 4, 22),
                "Chargé·e de mission parcs naturels (démo)", ["molignee", "vallee de la molignee", "parc de la molignee"],
                "Soutien au projet de Parc naturel de la Molignée (Dinant-Meuse-Condroz et Essaimage)."),
            Make(now, "ardenne-itinerance", "Ardenne Itinérance Mobilité et Infrastructure", ProjectKind.Project, "Mobilité", [dinant], ["Beauraing", "Bièvre", "Gedinne", "Houyet", "Vresse-sur-Semois"],
                ProjectStatus.InProgress, "Études des liaisons cyclables et des arrêts de bus", 25, "Comité de pilotage mobilité", new DateOnly(2027, 1, 28),
                "Chargé·e de projet mobilité (démo)", ["ardenne itinerance", "aimi", "mobilite ardenne", "itinerance"],
                "Mobilité et infrastructures pour l'Ardenne namuroise."),
            Make(now, "essaimage-territoire-intelligent", "Essaimage, territoire intelligent", ProjectKind.Project, "Smart Région", [essaimage], essaimage.Communes,
                ProjectStatus.Study, "Diagnostic numérique des communes", 15, "Atelier de lancement avec les communes", new DateOnly(2027, 2, 4),
                "Chargé·e de projet Smart Région (démo)", ["essaimage smart", "smart region essaimage", "territoire intelligent essaimage", "entre sambre et meuse intelligent"],
                "Dynamique Smart Région de la zone Essaimage (Entre-Sambre-et-Meuse)."),
            Make(now, "centrale-renovation-energetique", "Centrale d'achat : services de rénovation énergétique", ProjectKind.Central, "Centrales d'achat", [],
                ["Andenne", "Assesse", "Gembloux", "Gesves", "Namur", "Ciney", "Dinant", "Yvoir", "Couvin", "Philippeville", "Walcourt"],
                ProjectStatus.Operational, "Marché attribué, commandes ouvertes", 100, "Renouvellement du marché", new DateOnly(2027, 12, 31),
                "Service marchés publics (démo)", ["renovation energetique", "energie", "isolation", "audit energetique"],
                "Les communes confient au BEP la procédure de marché public pour des services de rénovation énergétique."),
            Make(now, "centrale-outils-digitaux", "Centrale d'achat : outils digitaux (retransmission des conseils communaux, lutte contre la cybercriminalité)", ProjectKind.Central, "Centrales d'achat", [],
                ["Eghezée", "Fernelmont", "Gesves", "La Bruyère", "Namur", "Ciney", "Hamois", "Beauraing", "Chimay", "Mettet"],
                ProjectStatus.Operational, "Marché attribué, commandes ouvertes", 100, "Nouveau lot cybersécurité", new DateOnly(2027, 3, 1),
                "Service marchés publics (démo)", ["outils digitaux", "retransmission des conseils communaux", "cybercriminalite", "cybersecurite", "streaming conseil communal"],
                "Outils digitaux : retransmission des conseils communaux, lutte contre la cybercriminalité…"),
            Make(now, "centrale-gobelets", "Centrale de gestion de gobelets réutilisables", ProjectKind.Central, "Centrales d'achat", [],
                ["Andenne", "Floreffe", "Profondeville", "Dinant", "Hastière", "Couvin", "Viroinval", "Florennes"],
                ProjectStatus.Operational, "Marché attribué, commandes ouvertes", 100, "Bilan de la saison des festivités", new DateOnly(2027, 10, 15),
                "Service marchés publics (démo)", ["gobelets", "gobelets reutilisables", "ecocups"],
                "Gestion de gobelets réutilisables pour les événements communaux."),
            Make(now, "centrale-services-postaux", "Centrale d'achat : services postaux", ProjectKind.Central, "Centrales d'achat", [],
                ["Gembloux", "Gesves", "Sombreffe", "Walhain", "Ciney", "Houyet", "Chimay", "Momignies"],
                ProjectStatus.Operational, "Marché attribué, commandes ouvertes", 100, "Révision des tarifs", new DateOnly(2027, 1, 1),
                "Service marchés publics (démo)", ["services postaux", "poste", "courrier", "envois postaux"],
                "Services postaux pour les communes."),
        ];
    }

    private static Project Make(
        DateTimeOffset now, string id, string name, ProjectKind kind, string programme, IReadOnlyList<Bassin> bassins, IReadOnlyList<string> communes,
        ProjectStatus status, string phase, int progress, string milestone, DateOnly milestoneDate, string contact, IReadOnlyList<string> aliases, string summary) =>
        new(id, name, kind, programme,
            bassins.Count > 0 ? [.. bassins.Select(bassin => bassin.Id)] : [.. communes.Select(commune => TerritoryMap.FindCommune(commune)!.Bassin.Id).Distinct()],
            communes, status, phase, progress, milestone, milestoneDate,
            new ProjectContact(contact, "supracommunalite@bepbot-demo.example"), aliases, summary, null,
            IsDemo: true, Source, now, "demo");
}

package dev.rcidentity.simulator;

import java.util.List;
import java.util.Random;

/** Word lists the generated directory draws from. Invented names only. */
final class NameBank {
    static final List<String> FIRST_NAMES = List.of(
            "Ada", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena",
            "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Ximena",
            "Yusuf", "Zoe", "Aiden", "Bianca", "Chen", "Dana", "Emeka", "Freya", "Gus", "Hana", "Ivan", "Jada",
            "Kai", "Lucia", "Mateo", "Nora", "Oskar", "Pia", "Rafael", "Sofia", "Theo", "Uma", "Viktor", "Willa");
    static final List<String> LAST_NAMES = List.of(
            "Abbott", "Baptiste", "Castillo", "Dubois", "Eriksen", "Fontaine", "Garcia", "Haddad", "Ito", "Jensen",
            "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi", "Schmidt",
            "Tanaka", "Ulrich", "Varga", "Wagner", "Xu", "Yilmaz", "Zielinski", "Andersen", "Brennan", "Costa",
            "Dimitrov", "Evans", "Fischer", "Gallagher", "Horvat", "Iqbal", "Jovanovic", "Keller", "Lopez",
            "Moreau", "Novak", "Oliveira", "Park", "Reyes", "Silva", "Torres", "Vogel", "Walsh", "Young");
    static final List<String> DEPARTMENTS = List.of(
            "Sales", "Support", "Engineering", "Finance", "Marketing", "Operations", "People", "Legal");
    static final List<String> JOB_TITLES = List.of(
            "Account Executive", "Support Specialist", "Software Engineer", "Accountant", "Marketing Manager",
            "Operations Analyst", "Recruiter", "Counsel", "Team Lead", "Director");
    static final List<String> COMPANY_FIRST = List.of(
            "Northwind", "Bluefin", "Cedar", "Summit", "Harbor", "Ironwood", "Lumen", "Maple", "Granite",
            "Silverline", "Copperleaf", "Driftwood");
    static final List<String> COMPANY_SECOND = List.of(
            "Logistics", "Dental", "Labs", "Partners", "Foods", "Robotics", "Insurance", "Architects", "Clinics",
            "Outfitters");
    /** city, state, zip, street. */
    static final List<List<String>> ADDRESSES = List.of(
            List.of("Denver", "CO", "80202", "1700 Lincoln St"),
            List.of("Austin", "TX", "78701", "500 Congress Ave"),
            List.of("Portland", "OR", "97204", "800 SW Broadway"),
            List.of("Raleigh", "NC", "27601", "150 Fayetteville St"),
            List.of("Madison", "WI", "53703", "1 S Pinckney St"),
            List.of("Boise", "ID", "83702", "950 W Bannock St"));

    /** Non-user extension kinds a fresh account gets, in rotation: type, subType (or null), name. */
    static final List<String[]> NON_USER = List.of(
            new String[] {"Department", null, "Sales Queue"},
            new String[] {"IvrMenu", null, "Main Menu"},
            new String[] {"ParkLocation", null, "Park Location"},
            new String[] {"Announcement", null, "Holiday Announcement"},
            new String[] {"Voicemail", null, "General Voicemail"},
            new String[] {"SharedLinesGroup", null, "Front Desk Lines"},
            new String[] {"Room", "VideoPro", "Board Room"},
            new String[] {"Limited", null, "Lobby Phone"},
            new String[] {"Department", null, "Support Queue"},
            new String[] {"ApplicationExtension", null, "Integration"});

    /** A type RingCentral's enum does not (yet) have: consumers must pass it through. */
    static final String UNKNOWN_TYPE = "HotDesk";

    private NameBank() {
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}

import Foundation

/// The words a generated workload is made of: plausible people, companies and things said
/// on a call, from several countries so time zones and wide characters get exercised.
enum SampleVocabulary {
    static let people: [(first: [String], last: [String], zone: String, phone: String, domain: String)] = [
        (["Anna", "Daan", "Sanne", "Bram", "Femke", "Joost"], ["de Vries", "Jansen", "Bakker", "Visser", "Smit"],
         "Europe/Amsterdam", "+31 20 555 ", "nl"),
        (["Lukas", "Greta", "Jonas", "Mia", "Felix"], ["Müller", "Schmidt", "Schneider", "Fischer", "Weber"],
         "Europe/Berlin", "+49 30 555 ", "de"),
        (["Olivia", "Harry", "Amelia", "George", "Isla"], ["Brown", "Taylor", "Wilson", "Evans", "Walker"],
         "Europe/London", "+44 20 5555 ", "co.uk"),
        (["Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley"], ["Smith", "Johnson", "O'Neill", "Garcia", "Lee"],
         "America/New_York", "+1 212 555 ", "com"),
        (["Priya", "Noah", "Emma", "Liam", "Ava"], ["Raman", "Nguyen", "Chen", "Patel", "Lopez"],
         "America/Los_Angeles", "+1 415 555 ", "com"),
        (["Kenji", "Yui", "Haruto", "Sakura"], ["Watanabe", "Sato", "Suzuki", "Tanaka"],
         "Asia/Tokyo", "+81 3 5555 ", "jp"),
        (["Zoë", "Erik", "Astrid", "Lars"], ["Ångström", "Lindqvist", "Nilsson", "Berg"],
         "Europe/Stockholm", "+46 8 555 ", "se"),
        (["Luis", "Sofía", "Mateo", "Valentina"], ["García", "Hernández", "Martínez", "López"],
         "America/Mexico_City", "+52 55 5555 ", "mx"),
    ]

    static let companyRoots = [
        "Harbor", "Northwind", "Bluefield", "Cedar", "Lumen", "Granite", "Orchard", "Summit",
        "Riverside", "Keystone", "Meridian", "Beacon", "Willow", "Atlas", "Evergreen", "Falcon",
    ]
    static let companyKinds = [
        "Logistics", "Clinics", "Foods", "Energy", "Software", "Manufacturing", "Retail",
        "Engineering", "Dental", "Freight", "Hotels", "Print",
    ]
    static let companyForms = ["B.V.", "GmbH", "Ltd", "Inc.", "AB", "S.A.", "& Co", ""]

    static let titles = [
        "Head of Operations", "Plant Manager", "CTO", "Office Manager", "VP Sales", "Director of IT",
        "Procurement Lead", "Founder", "COO", "Facilities Manager", "Finance Director",
    ]

    static let organization = [
        "Runs three sites with about 120 people", "Family business, second generation",
        "Grew by acquisition last year", "Central purchasing team of four",
        "IT is outsourced to a local partner", "Busy season is September to December",
    ]
    static let challenges = [
        "Orders get lost between email and the ERP", "Night shift has no one to call for help",
        "Quotes take three days to go out", "Too many spreadsheets, nobody trusts the numbers",
        "Drivers wait at the dock for paperwork", "New hires need weeks before they are useful",
    ]
    static let requirements = [
        "Must work with their existing ERP", "Needs a pilot on one site first",
        "Budget decided in January", "Wants references from their own sector",
        "Security review by their IT partner", "Go-live before the summer",
    ]
    static let notes = [
        "Asked us to send the case study", "Prefers calls before ten", "Was driving, keep it short",
        "Mentioned a competitor's trial ended badly", "Decision with the owner, not her",
        "Good chat about their new warehouse", "Call the mobile, desk phone forwards nowhere",
    ]
}

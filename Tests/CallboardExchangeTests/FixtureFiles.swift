/// Copies of the sample CRM exports, byte for byte: the byte-order mark, CRLF line ends
/// and quoted line breaks are spelled out as escapes so no editor can normalise them away.
enum FixtureFiles {
    /// hubspot-contacts.csv
    static let hubspotContacts: String = [
        "\u{FEFF}Record ID,First name,Last name,Email,Phone number,Mobile phone number,Job title,Company name,Time Zone,Lead status\n",
        "101,Anna,de Vries,anna.devries@example.nl,+31 20 555 0101,,Head of Operations,Rotterdam Logistics B.V.,Europe/Amsterdam,New\n",
        "102,Marek,Kowalski,marek@example.pl,,+48 600 555 102,Plant Manager,\"Kowalski & Synowie, Sp. z o.o.\",Europe/Warsaw,Open\n",
        "103,Zoë,Ångström,zoe@example.se,+46 8 555 0103,,CTO,\"Nordic \"\"Clean\"\" Energy AB\",Europe/Stockholm,New\n",
        "104,Kenji,Watanabe,kenji@example.jp,+81 3 5555 0104,,購買部長,東京精機株式会社,Asia/Tokyo,New\n",
        "105,Sam,O'Neill,sam.oneill@example.com,(555) 010-0105,,VP Sales,\"Acme, Inc.\",America/New_York,Attempted to contact\n",
        "106,Priya,Raman,,+1 415 555 0106,,Director of IT,Bay Area Clinics,America/Los_Angeles,New\n",
        "107,Luis,García,luis@example.mx,+52 55 5555 0107,,Gerente,\"Grupo \"\"Norte\"\"\",America/Mexico_City,Open\n",
        "108,Fatima,Zahra,fatima@example.ma,+212 5 2255 0108,,Procurement,\"Casablanca Foods\n",
        "(head office)\",Africa/Casablanca,New\n",
        "109,Olivia,Brown,olivia@example.co.uk,+44 20 5555 0109,,Founder,Brown & Co,Europe/London,Connected\n",
        "110,Noah,Smith,noah@example.com,(555) 010-0105,,Buyer,\"Acme, Inc.\",America/New_York,New\n",
    ].joined()

    /// salesforce-leads.csv
    static let salesforceLeads: String = [
        "Id,FirstName,LastName,Title,Company,Phone,MobilePhone,Email,LeadSource,Status,DoNotCall,Description\r\n",
        "00Q1,Greta,Müller,Einkauf,Müller GmbH,+49 30 5550111,,greta@example.de,Web,Open - Not Contacted,false,\"Asked about \"\"pilot\"\" pricing\"\r\n",
        "00Q2,Tom,Baker,Owner,Baker Bakery,+1 312 555 0112,,tom@example.com,Referral,Working - Contacted,true,Do not call again\r\n",
        "00Q3,Ines,Ferreira,COO,Lisboa Têxteis,+351 21 555 0113,,ines@example.pt,Trade Show,Open - Not Contacted,false,\r\n",
    ].joined()

    /// semicolon-export.csv
    static let semicolonExport: String = [
        "Naam;Bedrijf;Telefoon;E-mail\r\n",
        "Jan Jansen;Jansen BV;020-5550114;jan@example.nl\r\n",
        "Piet Pieters;\"Pieters; Zonen\";010-5550115;piet@example.nl\r\n",
    ].joined()
}

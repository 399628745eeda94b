"""Invented text for html-text's labelled pages (written for this project).

TOPICS: article paragraphs by topic; the rest: page furniture of many kinds.
"""

TOPICS = {
    "ferry": [
        "The harbour authority confirmed on Tuesday that the morning ferry to the outer islands will leave forty minutes later from next month, a change it says will cut fuel costs without stranding commuters.",
        "Residents of Skellan Island, who rely on the seven o'clock crossing to reach jobs on the mainland, packed a community hall on Monday evening to question the plan for more than two hours.",
        "\"We were told about this by a notice taped to the ticket office window,\" said Moira Teague, who runs a bakery near the pier. \"Nobody asked the people who actually ride the boat.\"",
        "Officials said the earlier sailing carries fewer than thirty passengers on most days, while the later one is often full, and that moving the timetable would let one vessel do the work of two.",
        "The authority has promised a review after six months and said it would consider a smaller shuttle boat at dawn if enough workers sign a petition asking for one.",
        "Ticket prices will not change this year, although a surcharge for vehicles longer than six metres is still under discussion with the island council.",
    ],
    "orchard": [
        "A late frost in the second week of April has cut the apple harvest in the Varden valley by nearly half, according to figures released by the growers' cooperative this week.",
        "Many orchards had already blossomed when temperatures fell to minus four degrees overnight, and the cold killed the flowers before bees could pollinate them.",
        "Henrik Alsaker, whose family has grown apples on the same slope for four generations, said he had never seen damage spread so evenly across every variety on the farm.",
        "The cooperative expects juice prices to rise in the autumn, because pressing plants will have to buy fruit from other regions to keep their lines running.",
        "Some growers are now asking the regional government to help pay for wind machines, which stir warmer air down onto the trees on still, frosty nights.",
        "Insurance covers part of the loss for about a third of the farms, the cooperative said, but smaller growers rarely take out policies because the premiums are high.",
    ],
    "library": [
        "The city library will stay open until ten at night on weekdays from the first of March, reversing cuts made three years ago when its budget was reduced.",
        "Librarians said the evening hours had been missed most by students preparing for exams and by people who work shifts and cannot visit during the day.",
        "The change is paid for by a bequest from a retired schoolteacher, Agnes Pohl, who left most of her savings to the library on the condition that it be used to keep the doors open.",
        "\"She spent every Thursday evening in the reading room for thirty years,\" said the head librarian, Tomasz Weller. \"It feels right that other people now get those evenings too.\"",
        "The library will also reopen its basement study hall, closed since a flood in 2019, once new ventilation has been fitted in the spring.",
        "Visitors will need a library card to enter after seven o'clock, a rule the staff say is meant to keep the building safe with fewer people on duty.",
    ],
    "bridge": [
        "Engineers have found cracks in two of the steel cables that hold up the Orrin Street footbridge, and the crossing will close to the public from Friday while repairs are planned.",
        "The cracks were spotted during a routine inspection using a camera drone, which the council began to use last year instead of sending workers up on ropes.",
        "The bridge carries about four thousand pedestrians and cyclists a day between the railway station and the university campus on the far bank of the river.",
        "A temporary route over the road bridge, roughly eight hundred metres longer, will be signposted, and extra crossing guards will stand at the busiest junction in the mornings.",
        "Council engineers said the repair could take between three and five months, depending on how quickly a specialist firm can make replacement cables of the right length.",
        "Cycling groups have asked the council to paint a protected lane on the road bridge while the footbridge is shut, saying the detour is dangerous in heavy traffic.",
    ],
    "choir": [
        "A children's choir from the mining town of Berrow Vale has won first prize at the national youth music festival, beating forty other ensembles from across the country.",
        "The choir, which rehearses twice a week in a school gymnasium, sang a programme of folk songs collected from retired miners by their conductor over the past decade.",
        "Judges praised the group for the clarity of its singing and for choosing music that, as one of them put it, sounded like it belonged to the people performing it.",
        "The prize includes a week of recording in a professional studio, and the choir plans to release an album of the songs next spring with notes about where each one came from.",
        "Parents raised money for the trip to the festival with a series of bake sales and a sponsored walk along the old railway line that once served the pits.",
        "The conductor, Elin Marsh, said she hoped the win would persuade the council to keep funding music lessons in schools, which are under review this year.",
    ],
    "water": [
        "Households in the northern districts were told to boil their tap water on Saturday after tests found bacteria in a reservoir that supplies about sixty thousand homes.",
        "The water company said the contamination was probably caused by heavy rain washing soil from nearby fields into the reservoir through a damaged drainage channel.",
        "Bottled water was handed out at three sports centres, where queues formed from early morning and volunteers helped older residents carry crates back to their cars.",
        "Doctors at the district hospital said they had seen a small rise in stomach complaints over the weekend but no serious cases linked to the water supply.",
        "The company expects to lift the notice within five days, once two clean samples have been taken at least twenty-four hours apart, as the regulator requires.",
        "Local councillors have called for an inquiry into why the damaged channel was not repaired after it was first reported by a farmer last autumn.",
    ],
    "market": [
        "The covered market on Dellow Square will be rebuilt over the next two years, and its sixty traders will move to a temporary hall in the old bus depot while the work goes on.",
        "The market building, which dates from the 1890s, has a leaking roof and wiring that inspectors described as unsafe in a report published last spring.",
        "Traders were divided over the plan: fishmongers and butchers welcomed the promise of modern cold rooms, while some stallholders worried that customers would not follow them to the depot.",
        "\"People come here because it is in the middle of everything,\" said Rafael Osei, who sells spices and dried fruit. \"Ten minutes' walk is a long way when you are carrying shopping.\"",
        "The council said the rebuilt market would keep the original iron columns and glass roof, and add a food hall with space for twelve small restaurants.",
        "Rents for stallholders will be frozen during the move and for the first year in the new building, according to the agreement signed on Wednesday.",
    ],
    "telescope": [
        "Astronomers at the Halden observatory have recorded a comet that is expected to be visible to the naked eye in dark skies for about a week in late October.",
        "The comet was first seen as a faint smudge on images taken in June, and its brightness has grown steadily as it moves closer to the sun.",
        "Observers should look low in the western sky about an hour after sunset, away from street lights, the observatory said in a guide published on Thursday.",
        "Comets are notoriously hard to predict, warned the observatory's director, Ingrid Solberg, because they can break apart or fade quickly if their ice runs out.",
        "The observatory will open its grounds to the public on three evenings and set up telescopes for visitors, weather permitting, with volunteers on hand to explain what people are seeing.",
        "Photographers are asked not to use flash or bright torches near the telescopes, because it takes the eye about twenty minutes to adjust fully to the dark.",
    ],
    "rail": [
        "Passengers on the coastal railway faced delays of up to two hours on Thursday after a landslip blocked the line between Marrick and the tunnel at Fenhope.",
        "Rail staff worked through the night to clear about three hundred tonnes of earth and rock, and the first trains ran again shortly after nine in the morning.",
        "The operator said the slope above the line had been monitored since a smaller slip in February, and sensors raised the alarm within minutes of the ground moving.",
        "Replacement buses carried passengers between the two stations, although some travellers complained that the buses were too few and that information at the stations was poor.",
        "Engineers plan to build a retaining wall along the worst section of the cutting next year, at a cost the operator put at about four million.",
        "Season ticket holders who were delayed by more than an hour can claim compensation through the operator's website for the next four weeks.",
    ],
    "school": [
        "A primary school in the village of Aldermoor has started growing its own vegetables for lunches, after pupils turned a disused tennis court into raised beds.",
        "The project began as a science lesson about soil, but grew when parents donated tools and a retired gardener offered to spend two mornings a week with the children.",
        "This term the garden has produced enough potatoes, beans and courgettes to supply the kitchen one day a week, the head teacher, Priya Nandakumar, said.",
        "Children take turns to water the beds during the holidays, with a rota pinned to the door of the tool shed and a parent on duty at each visit.",
        "The school has applied for a grant to build a small greenhouse, which would let it grow tomatoes and salad leaves through the colder months.",
        "Other schools in the district have asked to visit, and the pupils are writing a short guide to explain how they planned the garden and what went wrong at first.",
    ],
    "museum": [
        "The maritime museum has put on display a ship's logbook that was lost for more than a century and turned up in a house clearance sale last year.",
        "The log records a voyage from the port to the southern whaling grounds in 1887, including a storm that tore away two of the ship's boats and injured several crew members.",
        "A volunteer at the museum recognised the ship's name on the cover after the book was offered to a second-hand dealer, who agreed to sell it to the museum for a modest sum.",
        "Curators have spent months drying and repairing the pages, some of which had been damaged by damp in the attic where the logbook spent most of the last hundred years.",
        "The entries were written by the first mate, whose careful handwriting records the weather, the ship's position and, now and then, a note about the mood of the crew.",
        "The logbook will be shown in a sealed case for three months before it returns to storage, where it will be kept at a steady temperature to protect the paper.",
    ],
    "marathon": [
        "More than eleven thousand runners took part in the city marathon on Sunday, in cool, dry weather that organisers said was close to perfect for a long race.",
        "The men's race was won by Daniel Okonkwo in two hours, nine minutes and forty seconds, the fastest time ever recorded on the course, which was redrawn this year.",
        "In the women's race, Lena Havlik pulled away from a group of four runners in the final three kilometres to win by almost a minute.",
        "Medical teams treated about two hundred people, most of them for blisters, cramp and mild exhaustion, and three runners were taken to hospital as a precaution.",
        "Several roads in the centre stayed closed until late afternoon, and the organisers apologised to residents for the delays caused by clearing barriers along the route.",
        "Money raised by charity runners is expected to pass last year's total, with the children's hospital and a mountain rescue team among the largest beneficiaries.",
    ],
}

HEADLINES = {
    "ferry": "Island ferry to leave later, harbour authority says",
    "orchard": "Late frost halves apple harvest in Varden valley",
    "library": "City library to stay open late again thanks to bequest",
    "bridge": "Footbridge closed after cracks found in cables",
    "choir": "Mining town choir wins national youth festival",
    "water": "Boil-water notice for sixty thousand homes",
    "market": "Covered market to be rebuilt, traders to move",
    "telescope": "Comet expected to be visible in October skies",
    "rail": "Landslip blocks coastal railway for a night",
    "school": "Pupils grow vegetables for school lunches",
    "museum": "Lost ship's logbook goes on display",
    "marathon": "Course record falls at city marathon",
}

BYLINES = ["By Harriet Quill", "By Samuel Adeyemi, Staff Reporter", "By Nora Lindqvist",
           "By Our Regional Correspondent", "Words by Karim Haddad", "By Beatriz Soto"]
DATES = ["Published 14 March 2024", "Updated 2 hours ago", "9 November 2023, 07:45",
         "Tuesday 3 October 2023", "Posted on 21 May 2024", "Last updated: 11 January 2024"]

NAV = ["Home", "News", "Local", "Politics", "Business", "Sport", "Culture", "Weather",
       "Opinion", "Travel", "Science", "Obituaries", "Puzzles", "Podcasts"]

TEASERS = [
    ("Council approves new cycle lanes for the ring road",
     "The scheme, which has been debated for three years, will add separated lanes to four of the busiest junctions and is due to begin in the summer."),
    ("Storm warning issued for the northern coast",
     "Forecasters expect gusts of up to ninety kilometres an hour on Thursday night, with the strongest winds along exposed headlands and estuaries."),
    ("Local brewery doubles its output after expansion",
     "The family-run brewery has moved into a former textile mill and hired twelve new staff to run a second bottling line from next month."),
    ("Swimming pool reopens after two-year refurbishment",
     "Swimmers queued outside the leisure centre on Saturday morning for the first session in the refurbished pool, which now has a moveable floor."),
    ("Hospital car park charges to be cut for night shifts",
     "Staff working overnight will pay a flat fee of one coin a night under a deal agreed between the health board and the unions this week."),
    ("Students design a solar boat for the lake regatta",
     "A team of engineering students has built a boat powered only by panels on its roof, and hopes to complete the full course for the first time."),
    ("Police appeal for witnesses after warehouse fire",
     "Firefighters spent most of the night at the industrial estate, where the blaze destroyed stock belonging to three small companies."),
    ("Theatre announces a season of new local plays",
     "Six plays by writers from the region will be staged over the winter, chosen from more than two hundred scripts sent in by the public."),
]

COMMENTS = [
    ("PeterJ", "I take this ferry every morning and the later sailing would make me late for work three days out of five. Did anyone actually count the passengers in winter?"),
    ("greenfingers", "This is a really good idea and I wish more places would do the same thing. We tried something similar at our community centre and it worked well for years."),
    ("Anna K.", "Interesting article, but it leaves out the cost of the whole thing. Somebody has to pay for this in the end, and it is usually the people who live here."),
    ("old_salt_61", "My grandfather worked on the boats for forty years and he always said the authority never listened. Nothing much has changed since then, it seems."),
    ("Miriam", "Thank you for covering this. The local news often ignores stories like this one, and they matter a great deal to the people who are affected by them."),
]

NEWSLETTER = "Get the morning briefing: the day's most important local stories, sent to your inbox before seven. Sign up free, unsubscribe at any time."
COOKIE = "We use cookies to make our site work and to understand how you use it. You can accept all cookies or manage your preferences in the settings."
AUTHOR_BIO = "Harriet Quill has covered transport and local government for the paper since 2015. She previously worked as a reporter for a regional radio station."
FOOTER = ["About us", "Contact", "Advertise", "Privacy policy", "Terms of use", "Careers"]
COPYRIGHT = "© 2024 The Harbour Gazette Ltd. All rights reserved. Registered in England, company number 0451122."
SHARE = ["Share on Facebook", "Share on X", "Email this story", "Copy link"]
PROMO = "Support independent local journalism: subscribe today and get your first three months for the price of one. Cancel whenever you like."
CAPTIONS = ["The pier at first light. Photograph: Gazette staff", "Volunteers at work on Saturday morning.",
            "A view from the old harbour wall.", "The site as it looked last week."]

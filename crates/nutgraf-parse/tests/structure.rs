//! Role and metadata rules of the structure detector, case by case, plus
//! corpus floors: story extraction on the scraped dev pages, and how much of
//! clean articles (BBC, CNN/DM) stays story text. Corpus tests read
//! `<repo>/../shared/data` and are skipped when it is absent.

use flate2::read::GzDecoder;
use nutgraf_parse::{parse, Document, ParseOptions, Role};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

fn doc(text: &str) -> Document {
    parse(text, &ParseOptions::default())
}

/// (role, text) of every block.
fn blocks(text: &str) -> Vec<(Role, String)> {
    let d = doc(text);
    d.blocks
        .iter()
        .map(|b| (b.role, d.slice(b.span).to_string()))
        .collect()
}

fn role_of(text: &str, block: &str) -> Role {
    blocks(text)
        .into_iter()
        .find(|(_, t)| t == block)
        .unwrap_or_else(|| panic!("no block {block:?} in {:?}", blocks(text)))
        .0
}

/// A made-up page: menu, headline, byline, date, photo, body, teasers, footer.
const PAGE: &str = "Home\n\nWorld\n\nBusiness\n\nSport\n\nSign In\n\n\
Storm Batters Northern Coast, Thousands Without Power\n\n\
Officials warn more flooding is likely as the river keeps rising\n\n\
By Jane Smith and John Doe\n\n\
November 18, 2019 11:03 PM\n\n\
Above: Waves hit the harbour wall in Whitby on Monday.\n\n\
Photo: Getty Images\n\n\
WHITBY, England (Reuters) — A powerful storm battered the northern coast on Monday, cutting power to thousands of homes and flooding streets in several towns.\n\n\
Emergency crews worked through the night to clear fallen trees from the main roads, the county council said in a statement.\n\n\
\"We have never seen the river this high,\" said one resident, who has lived in the town for forty years.\n\n\
Nobody was hurt.\n\n\
The weather service expects the wind to ease by Wednesday, but warned that more rain would follow later in the week.\n\n\
Advertisement\n\n\
Read more: How coastal towns are preparing for rising seas\n\n\
Share this article\n\n\
Related Stories\n\n\
Council Approves New Budget After Long Debate Over Schools\n\n\
Local Team Wins Championship In Dramatic Final Match\n\n\
© 2019 Example News. All Rights Reserved.\n\n\
Privacy Policy\n\nTerms of Use\n";

#[test]
fn page_roles() {
    let b = blocks(PAGE);
    let find = |t: &str| role_of(PAGE, t);
    assert_eq!(find("Home"), Role::Boilerplate);
    assert_eq!(find("Sign In"), Role::Boilerplate);
    assert_eq!(
        find("Storm Batters Northern Coast, Thousands Without Power"),
        Role::Headline
    );
    assert_eq!(
        find("Officials warn more flooding is likely as the river keeps rising"),
        Role::Standfirst
    );
    assert_eq!(find("By Jane Smith and John Doe"), Role::Byline);
    assert_eq!(find("November 18, 2019 11:03 PM"), Role::Metadata);
    assert_eq!(
        find("Above: Waves hit the harbour wall in Whitby on Monday."),
        Role::Caption
    );
    assert_eq!(find("Photo: Getty Images"), Role::Credit);
    assert_eq!(find("WHITBY, England (Reuters) —"), Role::Dateline);
    assert!(b
        .iter()
        .any(|(r, t)| *r == Role::Body
            && t.starts_with("A powerful storm battered the northern coast")));
    assert_eq!(find("Nobody was hurt."), Role::Body);
    assert_eq!(
        find("\"We have never seen the river this high,\" said one resident, who has lived in the town for forty years."),
        Role::Body
    );
    assert_eq!(find("Advertisement"), Role::Boilerplate);
    assert_eq!(
        find("Read more: How coastal towns are preparing for rising seas"),
        Role::Related
    );
    assert_eq!(find("Share this article"), Role::Boilerplate);
    assert_eq!(
        find("Council Approves New Budget After Long Debate Over Schools"),
        Role::Related
    );
    assert_eq!(
        find("© 2019 Example News. All Rights Reserved."),
        Role::Boilerplate
    );
    assert_eq!(find("Privacy Policy"), Role::Boilerplate);
}

#[test]
fn page_metadata() {
    let d = doc(PAGE);
    let m = &d.metadata;
    assert_eq!(m.date.as_deref(), Some("2019-11-18"));
    assert_eq!(
        m.title.as_deref(),
        Some("Storm Batters Northern Coast, Thousands Without Power")
    );
    let dl = m.dateline.as_ref().expect("dateline");
    assert_eq!(dl.place, "WHITBY, England");
    assert_eq!(dl.agency.as_deref(), Some("Reuters"));
    assert_eq!(m.byline, ["Jane Smith", "John Doe"]);
}

#[test]
fn datelines_are_split_off() {
    for (text, dateline, body, place, agency) in [
        (
            "(Reuters) — The New York State Attorney General is investigating WeWork, two people said.",
            "(Reuters) —",
            "The New York State",
            "",
            Some("Reuters"),
        ),
        (
            "WASHINGTON — The Senate voted on Tuesday to pass the long-delayed spending bill.",
            "WASHINGTON —",
            "The Senate voted",
            "WASHINGTON",
            None,
        ),
        (
            "LONDON, March 3 (Reuters) - British shares fell on Tuesday as miners slipped.",
            "LONDON, March 3 (Reuters) -",
            "British shares",
            "LONDON",
            Some("Reuters"),
        ),
        (
            "(CNN)Kayahan, one of Turkey's best-loved singers, died of cancer Friday at the age of 66.",
            "(CNN)",
            "Kayahan, one",
            "",
            Some("CNN"),
        ),
    ] {
        let d = doc(text);
        let b: Vec<(Role, &str)> = d.blocks.iter().map(|b| (b.role, d.slice(b.span))).collect();
        assert_eq!(b[0], (Role::Dateline, dateline), "{text}");
        assert_eq!(b[1].0, Role::Body, "{text}");
        assert!(b[1].1.starts_with(body), "{text}: {:?}", b[1]);
        let dl = d.metadata.dateline.as_ref().expect("dateline");
        assert_eq!(dl.place, place, "{text}");
        assert_eq!(dl.agency.as_deref(), agency, "{text}");
    }
}

#[test]
fn no_dateline_in_ordinary_openings() {
    for text in [
        "The storm hit the coast — nobody was hurt, officials said on Monday.",
        "Moscow — the capital — was cold on Monday, and the snow kept falling.",
        "In 2019 (a year ago) — the vote was close, and the result was contested.",
    ] {
        let d = doc(text);
        assert!(d.metadata.dateline.is_none(), "{text}");
        assert!(d.blocks.iter().all(|b| b.role == Role::Body), "{text}");
    }
}

#[test]
fn daily_mail_byline_and_published_prefix() {
    let text = "By . Mark Duell . PUBLISHED: . 10:13 EST, 18 March 2013 . | . UPDATED: . 10:19 EST, 18 March 2013 . A man was rescued from the sea off Cornwall on Sunday after his boat capsized in strong winds. He was taken to hospital.";
    let b = blocks(text);
    assert_eq!(b[0], (Role::Byline, "By . Mark Duell".to_string()));
    assert_eq!(b[1].0, Role::Metadata);
    assert_eq!(b[2].0, Role::Body);
    assert!(b[2].1.starts_with("A man was rescued"));
    let d = doc(text);
    assert_eq!(d.metadata.date.as_deref(), Some("2013-03-18"));
    assert_eq!(d.metadata.byline, ["Mark Duell"]);
}

#[test]
fn clean_articles_stay_body() {
    // One paragraph, CNN/DM style, mentioning cookies, photos and sharing.
    let text = "Living under ISIS. Selling Girl Scout cookies. These are the best videos of the week. Photographs of the event were shared on Twitter by many of those who attended. Read the full story below.";
    assert!(blocks(text).iter().all(|(r, _)| *r == Role::Body));
    // BBC style: short quote paragraphs and a trailing fixture list.
    let text = "Newcastle face a trip to Yeading in the FA Cup third round.\n\n\"It is a dream tie,\" he said.\n\nThe draw was made on Sunday and the ties will be played in January.\n\nArsenal v Stoke\n\nMan Utd v Exeter\n";
    let b = blocks(text);
    assert!(b.iter().all(|(r, _)| r.is_story()), "{b:?}");
}

#[test]
fn captions_credits_and_related_inside_the_story() {
    let text = "Protesters gathered outside parliament on Tuesday to demand new elections, police said.\n\n\
Free Syrian Army fighters are seen in a village near al-Bab, Syria\n\
© REUTERS/ Khalil Ashawi\n\
'Move to Raqqa or Be a Human Shield': Syrian Man's First-Hand Account of Daesh Horrors\n\
The government has so far refused to meet the protesters, who say they will return next week.\n\n\
Officials said talks would continue.\n";
    assert_eq!(
        role_of(
            text,
            "Free Syrian Army fighters are seen in a village near al-Bab, Syria"
        ),
        Role::Caption
    );
    assert_eq!(role_of(text, "© REUTERS/ Khalil Ashawi"), Role::Credit);
    assert_eq!(
        role_of(text, "'Move to Raqqa or Be a Human Shield': Syrian Man's First-Hand Account of Daesh Horrors"),
        Role::Related
    );
    assert_eq!(
        role_of(text, "Officials said talks would continue."),
        Role::Body
    );
}

#[test]
fn hard_wrapped_prose_is_joined() {
    let text = "The council said on Monday that the new bridge would\nopen in the spring, after a delay of almost two years\ncaused by flooding and by a dispute with the builder.\n";
    let b = blocks(text);
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].0, Role::Body);
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "\n\n\n",
        "\u{a0}\u{a0}",
        "(",
        "(CNN)",
        "By . ",
        "By . PUBLISHED: 2019",
        "MOSCOW (Sputnik)\u{a0}—",
        "© ",
        "a\u{200b}b\n\u{feff}",
        "—(—)—",
        "日本語のテキストです。これは記事です。",
    ] {
        let d = doc(text);
        for b in &d.blocks {
            assert!(b.span.end <= text.len());
        }
    }
}

#[test]
fn wire_photo_captions_without_cue_words() {
    let text = "Menu\n\nSearch\n\nCouncil Votes To Close The Old Bridge\n\n\
By Ann Lee\n\n\
The city council voted on Tuesday to close the old river bridge for two years of repairs, after engineers found cracks in three of its supports.\n\n\
A cyclist crosses the old river bridge, Monday, March 2, 2020, in Dayton, Ohio.\n\n\
Traffic will move to the new crossing downstream, which opened last spring, the council said in a statement.\n\n\
Workers inspect a support of the bridge on February 27, 2020 in Dayton, Ohio.\n\n\
The repairs were first planned on March 3, 2015, but were put off for lack of money, officials said.\n";
    assert_eq!(
        role_of(
            text,
            "A cyclist crosses the old river bridge, Monday, March 2, 2020, in Dayton, Ohio."
        ),
        Role::Caption
    );
    assert_eq!(
        role_of(
            text,
            "Workers inspect a support of the bridge on February 27, 2020 in Dayton, Ohio."
        ),
        Role::Caption
    );
    assert_eq!(
        role_of(
            text,
            "The repairs were first planned on March 3, 2015, but were put off for lack of money, officials said."
        ),
        Role::Body
    );
}

#[test]
fn agency_credit_glued_to_a_caption() {
    let text = "The harbour reopened on Friday after a week of storms, the port authority said, and the first ferries left for the islands in the afternoon.\n\n\
Fishing boats wait at the harbour wall on May 2. The port was closed for a week. Jane Roe / AFP\n\n\
Ferry companies said they would add extra sailings over the weekend to clear the backlog of passengers.\n\n\
The mayor waves at the crowd.John Doe / AP file\n\n\
Officials expect the season to start as planned.\n";
    assert_eq!(
        role_of(
            text,
            "Fishing boats wait at the harbour wall on May 2. The port was closed for a week. Jane Roe / AFP"
        ),
        Role::Caption
    );
    assert_eq!(
        role_of(text, "The mayor waves at the crowd.John Doe / AP file"),
        Role::Caption
    );
}

#[test]
fn sign_up_boxes_are_furniture() {
    let text = "The bakery will open a second shop in the old market hall next month, its owner said, creating twenty jobs.\n\n\
Let our news meet your inbox. The stories that matter, delivered every morning.\n\n\
Subscribe to the Daily Crumb and never miss a story from your town again.\n\n\
Please check the opt-in box to confirm.\n\n\
The magazine now has 40,000 subscribers, up from 25,000 a year ago.\n\n\
The new shop will sell bread, cakes and coffee, and will stay open late on Fridays, when the market hall hosts a night market with music and street food.\n\n\
Its owner started the business ten years ago in her kitchen, selling loaves to neighbours, and opened the first shop on the high street four years later.\n";
    for line in [
        "Let our news meet your inbox. The stories that matter, delivered every morning.",
        "Subscribe to the Daily Crumb and never miss a story from your town again.",
        "Please check the opt-in box to confirm.",
    ] {
        assert_eq!(role_of(text, line), Role::Boilerplate, "{line}");
    }
    assert_eq!(
        role_of(
            text,
            "The magazine now has 40,000 subscribers, up from 25,000 a year ago."
        ),
        Role::Body
    );
}

#[test]
fn more_stories_heading_ends_the_story() {
    let text = "The museum will reopen in May after a two-year renovation that doubled its gallery space, the director said on Monday.\n\n\
The new wing will show the collection of maps that was kept in storage for decades.\n\n\
More Great Local Stories\n\n\
Farmers Market Moves To The Station Square\n\n\
School Choir Wins National Prize After Years Of Practice\n";
    assert_eq!(role_of(text, "More Great Local Stories"), Role::Boilerplate);
    assert_ne!(
        role_of(text, "Farmers Market Moves To The Station Square"),
        Role::Body
    );
}

#[test]
fn a_caption_shown_twice_is_a_caption() {
    let text = "Rescue Teams Search Flooded Valley\n\n\
Rescue workers carry a woman through the flooded main street of the village.\n\n\
Rescue workers carry a woman through the flooded main street of the village.\n\n\
Rescue teams searched the flooded valley on Sunday for people trapped in their homes, after two days of rain burst the banks of the river.\n\n\
More than 300 people spent the night in the school gym, the regional government said.\n";
    let b = blocks(text);
    let copies: Vec<Role> = b
        .iter()
        .filter(|(_, t)| t.starts_with("Rescue workers carry"))
        .map(|(r, _)| *r)
        .collect();
    assert_eq!(copies, [Role::Caption, Role::Caption], "{b:?}");
    assert_eq!(
        role_of(
            text,
            "More than 300 people spent the night in the school gym, the regional government said."
        ),
        Role::Body
    );
}

#[test]
fn body_starts_after_a_late_byline() {
    // Headline, summary, a sign-up box, then the date and byline: the body
    // starts after the byline; the summary is the standfirst.
    let text = "Home\n\nNews\n\n\
Town Council Approves New Park\n\n\
The park will open next summer on the site of the old gasworks. It will cost 2 million pounds.\n\n\
Morning Briefing\n\n\
Get the top local stories every morning, straight to your inbox.\n\n\
Nov. 19, 2019, 8:41 AM\n\n\
By Sam Green\n\n\
The town council approved plans for a new park on Tuesday, ending a ten-year argument over the future of the old gasworks site.\n\n\
Work will start in the spring, and the park should open by next summer, the council said.\n\n\
Residents had asked for a park since the gasworks closed in 2009.\n";
    assert_eq!(
        role_of(
            text,
            "The park will open next summer on the site of the old gasworks. It will cost 2 million pounds."
        ),
        Role::Standfirst
    );
    assert_ne!(role_of(text, "Morning Briefing"), Role::Body);
    assert_eq!(role_of(text, "By Sam Green"), Role::Byline);
    assert_eq!(
        role_of(text, "The town council approved plans for a new park on Tuesday, ending a ten-year argument over the future of the old gasworks site."),
        Role::Body
    );
}

#[test]
fn body_starts_at_a_late_dateline() {
    // Key points and a photo with its credit before the paragraph that
    // opens with the dateline.
    let text = "Airline Orders 20 New Jets\n\n\
The airline ordered 20 long-range jets worth 5 billion dollars at the air show.\n\n\
The order replaces part of an earlier one for a larger model.\n\n\
The airline's chief executive walks past a jet at the air show.\n\n\
Jane Roe | Getty Images\n\n\
PARIS — The airline ordered 20 long-range jets on Wednesday, its chief executive said at the air show, in a deal worth about 5 billion dollars at list prices.\n\n\
The order replaces part of an earlier commitment for a larger model that has been delayed by two years.\n";
    assert_eq!(
        role_of(
            text,
            "The order replaces part of an earlier one for a larger model."
        ),
        Role::Caption
    );
    assert_eq!(
        role_of(
            text,
            "The airline's chief executive walks past a jet at the air show."
        ),
        Role::Caption
    );
    assert_eq!(role_of(text, "PARIS —"), Role::Dateline);
    let d = doc(text);
    let first_body = d
        .blocks
        .iter()
        .find(|b| b.role == Role::Body)
        .map(|b| d.slice(b.span));
    assert!(
        first_body
            .is_some_and(|t| t.starts_with("The airline ordered 20 long-range jets on Wednesday")),
        "{first_body:?}"
    );
}

#[test]
fn standfirst_above_a_photo_and_its_credit() {
    // One short summary line, a photo caption shown twice, the credit: the
    // body starts after the credit.
    let text = "Menu\n\nSearch\n\n\
Comet Tail Seen From Two Continents\n\n\
By\n\n\
2019-11-18T20:51:19Z\n\n\
The tail stayed visible for almost an hour.\n\n\
An artist's view of the comet passing the moon.\n\n\
An artist's view of the comet passing the moon.\n\n\
(Image: © Jane Roe/Observatory)\n\n\
Skywatchers in Europe and Africa saw the tail of a bright comet on Sunday night, the first time in ten years that a comet could be seen without a telescope.\n\n\
Astronomers said the comet would fade over the coming week as it moved away from the sun.\n";
    assert_eq!(
        role_of(text, "The tail stayed visible for almost an hour."),
        Role::Standfirst
    );
    assert_eq!(
        role_of(text, "An artist's view of the comet passing the moon."),
        Role::Caption
    );
    assert_eq!(
        role_of(
            text,
            "Astronomers said the comet would fade over the coming week as it moved away from the sun."
        ),
        Role::Body
    );
}

#[test]
fn long_photo_captions_and_agency_credit_lines() {
    let long_caption = "In this photo issued by the broadcaster, the two candidates, left and right, stand at their desks before the start of the televised debate in the studio in Salford, England, on the evening of the vote. The debate was the first of three planned before the election, and the candidates argued about health care, trade, taxes and the future of the railways for a little more than an hour in front of a studio audience.";
    let text = format!(
        "Candidates Clash In First Debate\n\n{long_caption}\n\nBROADCASTER, WIRE PRESS AP\n\n\
LONDON (AP) — The two candidates clashed over health care and trade in their first televised debate on Tuesday, a week before the country votes.\n\n\
Snap polls gave neither a clear win.\n"
    );
    assert!(long_caption.len() > 400);
    assert_eq!(role_of(&text, long_caption), Role::Caption);
    assert_eq!(role_of(&text, "BROADCASTER, WIRE PRESS AP"), Role::Credit);
    assert_eq!(role_of(&text, "LONDON (AP) —"), Role::Dateline);
    assert_eq!(
        role_of(&text, "Snap polls gave neither a clear win."),
        Role::Body
    );
}

#[test]
fn press_release_place_line_starts_the_body() {
    let text = "Products\n\nInvestors\n\nContact us\n\n\
Acme Signs Supply Deal With Northwind\n\n\
Acme and Northwind sign a five-year supply deal for hospital monitors. The deal covers twelve countries.\n\n\
GENEVA, SWITZERLAND\n\n\
Acme said on Monday it had signed a five-year agreement to supply patient monitors to Northwind, which runs hospitals in twelve European countries.\n\n\
The first deliveries are planned for the spring, the company said.\n";
    assert_eq!(
        role_of(
            text,
            "Acme and Northwind sign a five-year supply deal for hospital monitors. The deal covers twelve countries."
        ),
        Role::Standfirst
    );
    assert_ne!(role_of(text, "GENEVA, SWITZERLAND"), Role::Body);
    assert_eq!(
        role_of(
            text,
            "The first deliveries are planned for the spring, the company said."
        ),
        Role::Body
    );
}

#[test]
fn byline_with_a_russian_date_starts_the_body() {
    let text = "Facebook\n\nTwitter\n\n\
Лучшие рецепты лета\n\n\
Эти блюда готовятся быстро. Попробуйте их на выходных!\n\n\
Текст: Анна Петрова·24 сентября 2018\n\n\
Летом хочется лёгкой еды, и мы собрали для вас десять рецептов, которые можно приготовить за полчаса из продуктов с ближайшего рынка.\n\n\
Первый рецепт — салат из свежих овощей с зеленью и оливковым маслом.\n";
    assert_eq!(
        role_of(text, "Текст: Анна Петрова·24 сентября 2018"),
        Role::Metadata
    );
    assert_eq!(
        role_of(
            text,
            "Эти блюда готовятся быстро. Попробуйте их на выходных!"
        ),
        Role::Standfirst
    );
    assert_eq!(
        role_of(
            text,
            "Первый рецепт — салат из свежих овощей с зеленью и оливковым маслом."
        ),
        Role::Body
    );
}

#[test]
fn line_above_a_bare_agency_credit_is_its_caption() {
    let text = "Sleep experts say the temperature of a bedroom matters more than most people think, and that a cool room helps people fall asleep faster.\n\n\
A folded blanket lies on a chair next to a bright window.\n\n\
Getty\n\n\
Most adults sleep best at around 18C, according to the researchers, who followed 2,000 people for a year.\n\n\
Heavy bedding can also make a room feel warmer than it is, they said.\n";
    assert_eq!(
        role_of(
            text,
            "A folded blanket lies on a chair next to a bright window."
        ),
        Role::Caption
    );
    assert_eq!(role_of(text, "Getty"), Role::Credit);
    assert_eq!(
        role_of(
            text,
            "Heavy bedding can also make a room feel warmer than it is, they said."
        ),
        Role::Body
    );
}

#[test]
fn image_slugs_and_described_captions() {
    let text = "The gallery opened a new wing on Saturday, with three rooms given over to light installations by young designers from across Europe.\n\n\
city-gallery-2019-new-wing-lights-installation-01\n\n\
The largest piece hangs from the ceiling of the central hall and changes colour as visitors walk beneath it.\n\n\
a room with a large chandelier: Visitors walk under the light sculpture in the central hall of the gallery.\n\n\
© Jane Roe\n\n\
Visitors walk under the light sculpture in the central hall of the gallery.\n\n\
The wing will stay open until nine in the evening on Fridays, the gallery said, and entry to the new rooms is free.\n";
    assert_ne!(
        role_of(text, "city-gallery-2019-new-wing-lights-installation-01"),
        Role::Body
    );
    assert_eq!(
        role_of(
            text,
            "Visitors walk under the light sculpture in the central hall of the gallery."
        ),
        Role::Caption
    );
    assert_eq!(
        role_of(
            text,
            "The largest piece hangs from the ceiling of the central hall and changes colour as visitors walk beneath it."
        ),
        Role::Body
    );
}

#[test]
fn fragments_before_the_first_paragraph_are_furniture() {
    let text = "Home\n\nSign In\n\n\
Village Fair Returns After Five Years\n\n\
By Tom Reed\n\n\
Watch\n\n\
The village fair returned on Saturday for the first time in five years, with a parade, a dog show and a tug of war between the two pubs.\n\n\
Video\n\n\
Organisers said more than 3,000 people came, twice as many as they had expected.\n";
    assert_eq!(role_of(text, "Watch"), Role::Boilerplate);
    // After the first paragraph a short line is left to the other rules.
    assert_ne!(role_of(text, "Video"), Role::Standfirst);
    assert_eq!(
        role_of(
            text,
            "Organisers said more than 3,000 people came, twice as many as they had expected."
        ),
        Role::Body
    );
}

#[test]
fn teasers_under_a_you_may_also_like_heading_are_not_the_story() {
    // A short story, then a longer list of excerpts of other posts, each
    // with its share bar: the list scores more prose, but sits under the
    // heading of a list of other stories.
    let teaser = |topic: &str| {
        format!(
            "Share Facebook Twitter\n\nA new {topic} opened in the old part of town this week. \
             Neighbours said they had waited for it for years, and the first visitors queued \
             from early morning to get in. The owners plan to stay open late on weekends and \
             to hire more staff in the spring if the crowds keep coming.\n\n"
        )
    };
    let text = format!(
        "Home\n\nNews\n\nRiver Path Reopens\n\n\
         The river path reopened on Sunday after three months of repairs to the flood wall.\n\n\
         The council said the work cost less than planned and that the path would stay lit at night.\n\n\
         You may also like\n\n{}{}{}{}© 2020 Example Town News\n",
        teaser("bakery"),
        teaser("library"),
        teaser("cinema"),
        teaser("market")
    );
    assert_eq!(
        role_of(
            &text,
            "The river path reopened on Sunday after three months of repairs to the flood wall."
        ),
        Role::Body
    );
    let d = doc(&text);
    assert!(d
        .blocks
        .iter()
        .filter(|b| d.slice(b.span).starts_with("A new "))
        .all(|b| b.role != Role::Body));
}

#[test]
fn wire_sign_off_is_a_credit_and_the_paragraph_above_stays_body() {
    let text = "Home\n\nMarkets\n\nSign In\n\n\
Copper Hits Two-Year High\n\n\
LONDON (Reuters) - Copper prices rose to their highest in two years on Tuesday as mines in Chile cut output and demand from builders in Asia held up.\n\n\
Traders said stocks in warehouses had fallen for six weeks in a row.\n\n\
(Reporting by Jane Roe; Editing by John Doe)\n\n\
Privacy Policy\n";
    assert_eq!(
        role_of(text, "(Reporting by Jane Roe; Editing by John Doe)"),
        Role::Credit
    );
    assert_eq!(
        role_of(
            text,
            "Traders said stocks in warehouses had fallen for six weeks in a row."
        ),
        Role::Body
    );
}

#[test]
fn ad_labels_contact_lines_and_notices_around_a_story_are_not_body() {
    let text = "Startseite\n\nPolitik\n\nAnmelden\n\n\
Port Strike Ends After Three Weeks\n\n\
By Jane Roe\n\n\
HAMBURG — Dock workers in Hamburg returned to work on Friday after three weeks on strike, ending a dispute over pay that had left dozens of ships waiting off the coast.\n\n\
Anzeige\n\n\
The union said its members had won a raise of six percent over two years, and the port operator said trade would be back to normal within days.\n\n\
Shipping companies said the backlog of containers would take about a month to clear, and some goods would reach shops late.\n\n\
Jane Roe is a reporter for Example News.\n\n\
Follow her on Twitter @janeroe.\n\n\
Mit Material von dpa\n\n\
This material may not be published, broadcast, rewritten or redistributed.\n\n\
Alle Rechte vorbehalten.\n";
    let d = doc(text);
    let body: Vec<&str> = d
        .blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .map(|b| d.slice(b.span))
        .collect();
    for furniture in [
        "Anzeige",
        "Jane Roe is a reporter for Example News.",
        "Follow her on Twitter @janeroe.",
        "Mit Material von dpa",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Alle Rechte vorbehalten.",
    ] {
        assert!(!body.contains(&furniture), "{furniture:?} in {body:?}");
    }
    // The story goes on past the ad label, and the paragraph above the
    // agency credit is no caption.
    for story in [
        "The union said its members had won a raise of six percent over two years, and the port operator said trade would be back to normal within days.",
        "Shipping companies said the backlog of containers would take about a month to clear, and some goods would reach shops late.",
    ] {
        assert_eq!(role_of(text, story), Role::Body, "{story:?}");
    }
}

#[test]
fn clean_article_with_a_short_dated_line_stays_body() {
    // Short paragraphs, then a date line and more prose: no furniture, so
    // the opening paragraphs are not taken for lead-in material.
    let text = "The festival will return to the park this summer.\n\n\
Organisers said tickets sold out in an hour.\n\n\
Saturday 12 March 2005\n\n\
The first acts were announced on Friday, and more will follow next week, the organisers said in a statement.\n";
    assert_eq!(
        role_of(text, "The festival will return to the park this summer."),
        Role::Body
    );
    assert_eq!(
        role_of(text, "Organisers said tickets sold out in an hour."),
        Role::Body
    );
}

// ---- corpus floors -------------------------------------------------------

fn data(file: &str) -> Option<Vec<serde_json::Value>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(file);
    let Ok(f) = std::fs::File::open(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return None;
    };
    let rows = BufReader::new(GzDecoder::new(f))
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(&l).expect("JSON line"))
        .collect();
    Some(rows)
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn story_text(d: &Document) -> String {
    d.blocks
        .iter()
        .filter(|b| b.role.is_story())
        .map(|b| d.slice(b.span))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn story_extraction_floor_on_dev_pages() {
    let Some(pages) = data("news_pages_raw.dev.jsonl.gz") else {
        return;
    };
    let (mut f_sum, mut common, mut predicted, mut reference) = (0.0, 0usize, 0usize, 0usize);
    for page in &pages {
        let d = doc(page["raw_text"].as_str().unwrap_or(""));
        let mut gold: HashMap<String, usize> = HashMap::new();
        for w in words(page["article_body"].as_str().unwrap_or("")) {
            *gold.entry(w).or_default() += 1;
        }
        let mut got: HashMap<String, usize> = HashMap::new();
        for w in words(&story_text(&d)) {
            *got.entry(w).or_default() += 1;
        }
        let c: usize = got
            .iter()
            .map(|(w, n)| (*n).min(gold.get(w).copied().unwrap_or(0)))
            .sum();
        let (p, g) = (got.values().sum::<usize>(), gold.values().sum::<usize>());
        let (pr, re) = (c as f64 / p.max(1) as f64, c as f64 / g.max(1) as f64);
        f_sum += if pr + re > 0.0 {
            2.0 * pr * re / (pr + re)
        } else {
            0.0
        };
        common += c;
        predicted += p;
        reference += g;
    }
    let mean_f1 = f_sum / pages.len() as f64;
    let (p, r) = (
        common as f64 / predicted as f64,
        common as f64 / reference as f64,
    );
    let micro_f1 = 2.0 * p * r / (p + r);
    eprintln!("mean F1 {mean_f1:.3}, micro F1 {micro_f1:.3}");
    assert!(mean_f1 >= MEAN_F1_FLOOR, "mean F1 {mean_f1:.3}");
    assert!(micro_f1 >= MICRO_F1_FLOOR, "micro F1 {micro_f1:.3}");
}

/// Floors a little below the measured figures (see the example
/// `story_extraction` for the measurement).
const MEAN_F1_FLOOR: f64 = 0.91;
const MICRO_F1_FLOOR: f64 = 0.95;

/// Share of article words that land in story roles.
fn story_share(rows: &[serde_json::Value], title_field: Option<&str>) -> f64 {
    let (mut all, mut kept) = (0usize, 0usize);
    for row in rows {
        let article = row["article"].as_str().unwrap_or("");
        let options = ParseOptions {
            title: title_field
                .and_then(|f| row[f].as_str())
                .map(str::to_string),
            ..ParseOptions::default()
        };
        let d = parse(article, &options);
        all += words(article).count();
        kept += words(&story_text(&d)).count();
    }
    kept as f64 / all.max(1) as f64
}

#[test]
fn bbc_articles_stay_story_text() {
    let Some(rows) = data("bbc_news_summary.dev.jsonl.gz") else {
        return;
    };
    let share = story_share(&rows, Some("title"));
    eprintln!("BBC story share {share:.4}");
    assert!(share >= 0.998, "BBC story share {share:.4}");
}

#[test]
fn cnndm_articles_stay_story_text() {
    let Some(rows) = data("cnndm_test_frank.jsonl.gz") else {
        return;
    };
    let share = story_share(&rows, None);
    eprintln!("CNN/DM story share {share:.4}");
    assert!(share >= 0.998, "CNN/DM story share {share:.4}");
}

#[test]
fn story_goes_on_past_an_inline_box_behind_a_photo() {
    // A photo (alt text, caption) and a "Related articles" box with two
    // links sit between paragraphs: the paragraphs below are still the
    // story, the links are not.
    let text = "Home\n\nNews\n\nSport\n\n\
Flood Waters Rise Across The Valley\n\n\
By Jane Roe\n\n\
Rivers across the valley burst their banks on Monday after a week of heavy rain, forcing hundreds of families from their homes.\n\n\
Emergency crews worked through the night to move people from the lowest streets to schools on higher ground.\n\n\
The mayor said the town had not seen water this high in thirty years.\n\n\
flood\n\n\
Water covers the main road into town (Image: GETTY)\n\n\
Related articles\n\n\
Storm warning issued for the coast as winds pick up\n\n\
Farmers count the cost of the wettest spring on record\n\n\
Forecasters expect the rain to ease by Wednesday, but warned that rivers would stay high for days.\n\n\
Residents were told to boil their water until further notice.\n\n\
The regional council said it would open a fund for families who lost their homes, and asked people who could offer a spare room to call its help line.\n\n\
Insurers said claims were already coming in and urged owners to photograph the damage before they start to clear up.\n\n\
Privacy Policy\n\nTerms of Use\n";
    for paragraph in [
        "Forecasters expect the rain to ease by Wednesday, but warned that rivers would stay high for days.",
        "Residents were told to boil their water until further notice.",
        "The mayor said the town had not seen water this high in thirty years.",
    ] {
        assert_eq!(role_of(text, paragraph), Role::Body, "{paragraph}");
    }
    for link in [
        "Storm warning issued for the coast as winds pick up",
        "Farmers count the cost of the wettest spring on record",
    ] {
        assert_eq!(role_of(text, link), Role::Related, "{link}");
    }
}

#[test]
fn a_list_heading_after_the_story_still_ends_it() {
    // After the last paragraph and its photo: a "Read more" heading over a
    // lone disclaimer sentence (not a story going on), and a "Related
    // articles" heading over teaser titles only.
    let text = "Home\n\nNews\n\nSport\n\n\
Flood Waters Rise Across The Valley\n\n\
By Jane Roe\n\n\
Rivers across the valley burst their banks on Monday after a week of heavy rain, forcing hundreds of families from their homes.\n\n\
Emergency crews worked through the night to move people from the lowest streets to schools on higher ground.\n\n\
The mayor said the town had not seen water this high in thirty years.\n\n\
Water covers the main road into town (Image: GETTY)\n\n\
Read More\n\n\
We may earn a commission if you buy something through links in this article.\n\n\
AdChoices\n\n\
Related articles\n\n\
Storm warning issued for the coast as winds pick up\n\n\
Farmers count the cost of the wettest spring on record\n\n\
Privacy Policy\n\nTerms of Use\n";
    assert_eq!(
        role_of(
            text,
            "The mayor said the town had not seen water this high in thirty years."
        ),
        Role::Body
    );
    for furniture in [
        "We may earn a commission if you buy something through links in this article.",
        "Storm warning issued for the coast as winds pick up",
        "Farmers count the cost of the wettest spring on record",
    ] {
        assert_ne!(role_of(text, furniture), Role::Body, "{furniture}");
    }
}

#[test]
fn an_authors_box_after_the_story_is_not_body() {
    // However long the biography under "About <name>", the story ends
    // above the heading; the paragraphs above stay body.
    let text = "Startseite\n\nBlog\n\nKontakt\n\n\
Neue Messe in Köln\n\n\
Im September startet in Köln eine neue Messe für die Digitalbranche, zu der mehr als 40.000 Besucher erwartet werden.\n\n\
Die Veranstalter haben in diesem Jahr drei neue Hallen angemietet und rechnen mit mehr Ausstellern aus dem Ausland als je zuvor.\n\n\
Wir laden Sie herzlich ein, uns am Stand zu besuchen.\n\n\
Über Moritz Bachmann\n\n\
Als Vertriebsleiter bildet Moritz Bachmann die Schnittstelle zwischen dem Marketing und dem Vertrieb des Unternehmens. Er hat in Frankfurt und London studiert, arbeitete danach mehrere Jahre für eine Agentur in Berlin und schreibt seit 2015 für diesen Blog über Messen, Kunden und den Handel im Netz, über neue Werkzeuge für kleine Firmen und über die Frage, wie man gute Kontakte pflegt.\n\n\
Impressum\n\nDatenschutz\n";
    assert_eq!(
        role_of(
            text,
            "Wir laden Sie herzlich ein, uns am Stand zu besuchen."
        ),
        Role::Body
    );
    let d = doc(text);
    assert!(d
        .blocks
        .iter()
        .filter(|b| d.slice(b.span).starts_with("Als Vertriebsleiter"))
        .all(|b| b.role != Role::Body));
    assert_ne!(role_of(text, "Über Moritz Bachmann"), Role::Body);
}

#[test]
fn a_comment_thread_after_the_story_is_not_body() {
    // The comments under "N thoughts on “Title”" are prose too, and there
    // are more of them than story: the story still ends above the heading.
    let comment = |name: &str| {
        format!(
            "{name}\n\nAugust 22, 2018 at 5:57 am\n\n\
             Thank you for this post, it came at the right time for me. I started my own shop last \
             spring and the hardest part was telling people about it, because it felt like bragging \
             to my friends and family. Reading this I see it is part of the job, and I will try to \
             share one post a week from now on.\n\n"
        )
    };
    let text = format!(
        "Home\n\nBlog\n\nAbout\n\n\
         How to Share Your Work\n\n\
         Most people who start a small business find it hard to talk about what they sell.\n\n\
         It gets easier with practice: start with one post a week and one person you trust.\n\n\
         6 thoughts on “How to Share Your Work”\n\n{}{}{}{}Privacy Policy\n",
        comment("Ann Lee"),
        comment("Bo Chan"),
        comment("Cy Diaz"),
        comment("Di Evans")
    );
    assert_eq!(
        role_of(
            &text,
            "It gets easier with practice: start with one post a week and one person you trust."
        ),
        Role::Body
    );
    let d = doc(&text);
    assert!(d
        .blocks
        .iter()
        .filter(|b| d.slice(b.span).starts_with("Thank you for this post"))
        .all(|b| b.role != Role::Body));
}

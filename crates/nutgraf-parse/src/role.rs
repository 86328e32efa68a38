//! What a block of a news page is: story text or something around it.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The part a block plays on a news page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Scraper or CMS metadata lines ("date 2017-02-12 Register").
    Metadata,
    /// The story's own headline.
    Headline,
    /// The standfirst (dek): the summary line under the headline.
    Standfirst,
    /// "By Jane Smith, Political Correspondent".
    Byline,
    /// "MOSCOW (Sputnik) —": place and agency that open the story.
    Dateline,
    /// Story text.
    Body,
    /// A photo or video caption.
    Caption,
    /// A photo credit ("© REUTERS/ Khalil Ashawi").
    Credit,
    /// A teaser or headline of another story.
    Related,
    /// Menus, share/subscribe/cookie lines, footers, "Advertisement".
    Boilerplate,
}

impl Role {
    /// Every role, in declaration order.
    pub const ALL: [Role; 10] = [
        Role::Metadata,
        Role::Headline,
        Role::Standfirst,
        Role::Byline,
        Role::Dateline,
        Role::Body,
        Role::Caption,
        Role::Credit,
        Role::Related,
        Role::Boilerplate,
    ];

    /// The lowercase name used in JSON, the CLI and Python.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Metadata => "metadata",
            Role::Headline => "headline",
            Role::Standfirst => "standfirst",
            Role::Byline => "byline",
            Role::Dateline => "dateline",
            Role::Body => "body",
            Role::Caption => "caption",
            Role::Credit => "credit",
            Role::Related => "related",
            Role::Boilerplate => "boilerplate",
        }
    }

    /// Headline, standfirst and body: the text of the story itself.
    pub fn is_story(self) -> bool {
        matches!(self, Role::Headline | Role::Standfirst | Role::Body)
    }

    /// Only body sentences may be quoted in a summary.
    pub fn is_selectable(self) -> bool {
        self == Role::Body
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a role name that is not one of [`Role::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}

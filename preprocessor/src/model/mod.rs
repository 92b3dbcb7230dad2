//! Plain data shared by the cleaner and the output layers: what a page's parts are and
//! why a part was removed. No behaviour here but what the data says about itself.

use std::fmt;

/// A kind of page metadata the cleaner moves out of the text into the source box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum MetaKey {
    Authors,
    Journal,
    Citation,
    Published,
    Doi,
    Keywords,
    History,
    Affiliation,
    Pmid,
    LastReviewed,
    LastUpdated,
    NextReview,
    /// "Review date: February 2027": a leaflet's review date, which says neither
    /// whether the review was done or is due (NHS leaflets use it for both).
    ReviewDate,
}

impl MetaKey {
    /// The label shown in the source box and the editorial notes.
    pub(crate) fn label(self) -> &'static str {
        match self {
            MetaKey::Authors => "Authors",
            MetaKey::Journal => "Journal",
            MetaKey::Citation => "Citation",
            MetaKey::Published => "Published",
            MetaKey::Doi => "DOI",
            MetaKey::Keywords => "Keywords",
            MetaKey::History => "Article history",
            MetaKey::Affiliation => "Affiliation",
            MetaKey::Pmid => "PMID",
            MetaKey::LastReviewed => "Last reviewed at source",
            MetaKey::LastUpdated => "Last updated at source",
            MetaKey::NextReview => "Next review due at source",
            MetaKey::ReviewDate => "Review date at source",
        }
    }
}

/// Why the cleaner removed a unit (a line or joined paragraph) from a page.
///
/// `Display` gives the message of the edit record and the editorial notes; the methods
/// give the behaviour. No code decides anything from the message text, so rewording a
/// message never changes what the cleaner does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DropReason {
    /// A built-in boilerplate phrase (`data/boilerplate.toml`), with its group's label.
    Boilerplate { label: String },
    /// A `boilerplate` pattern of book.toml: its index there and the compiled pattern.
    UserPattern { index: usize, pattern: String },
    /// A `drop-sections` pattern of book.toml matched the section's heading.
    DroppedSection { pattern: String },
    /// A list of the page's own headings before they follow.
    TableOfContents,
    /// A run of short lines that comes back later on the page but heads no text
    /// there: a block the page shows twice (buttons above and below a thread, a
    /// related-links box, a search form's options), not contents.
    RepeatedBlock,
    /// The same text as the line above.
    Duplicate,
    /// "Page 2 of 8" and the like.
    PageFurniture,
    /// "Home > Conditions > …".
    Breadcrumb,
    /// A table row or infobox line before the text starts.
    Infobox,
    /// An advert: the site asks the reader to act.
    CallToAction,
    /// A run of capitalised links with no sentence.
    NavigationMenu,
    /// Short links set apart by "|", "·" or "•" on one line ("Home | News | Sport").
    LinkBar,
    /// A short line that stands alone this many times on the page.
    RunningHeader { times: usize },
    /// A line found on this many pages of the corpus.
    RepeatedAcrossPages { pages: usize },
    /// A short name right above a forum post's counters.
    ForumUserName,
    /// The value of a metadata label on the line before (moved, not lost).
    MetaValue,
    /// A figure label merged into its caption.
    MergedLabel,
    /// A short line (heading-shaped) with no text after it: a menu item or button.
    NoTextAfter,
    /// Short or low-density text with boilerplate on both sides.
    BetweenBoilerplate { low_density: bool },
    /// The page title again.
    RepeatsTitle,
    /// Site name or menu before the title.
    HeaderBeforeTitle,
    /// A label between the title and the text.
    LabelAfterTitle,
    /// A heading after the last text.
    TrailingHeading,
    /// Metadata of a related item after the text (the page has its own).
    TrailingMetadata { key: MetaKey },
    /// Readers' comments after the article.
    Comments,
    /// A small run of text far from the main text (a sidebar, related links, a teaser).
    OutsideMainText,
    /// A short link that points on to another page ("MORE TENNIS »", "Next Article
    /// in World »", "View Gallery »"): it ends the block above it, as an index's
    /// "more" link does, so a heading above it introduces no text below it.
    OnwardLink,
    /// A label of related content after the text ("Around The Web", "You might
    /// also like") and the short lines under it.
    RelatedContent,
    /// A line of HTML tags with attributes and no text, alone among text lines (a
    /// tracking pixel's or an advert's markup that the scrape kept).
    StrayMarkup,
    /// After a blog post's footer ("Posted by Jane at 3:49 PM"): the post has ended.
    AfterPostFooter,
    /// A line of the site's list of stories, each with its time ("squee 11:30 PM This
    /// Cat's Halloween Costume…"): site navigation.
    StoryList,
    /// An entry of a blog's archive of months ("November 2012 (3)"), one of a run
    /// (`signals::archive_lists`): site navigation.
    ArchiveList,
}

/// What a dropped unit says about the units around it (jusText's context pass).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Neighbourhood {
    /// Page furniture that may stand between a heading and its text: a heading looks
    /// past it when deciding whether it introduces text, unless it is a line of a group
    /// that ends an article or a sidebar's heading (`Item::ends_text`).
    Furniture,
    /// Says nothing about its neighbours (a copy or a merged part of kept text).
    Transparent,
    /// Boilerplate that ends the text around it.
    Boilerplate,
}

impl DropReason {
    /// One exhaustive match, each reason listed once: a new reason must choose.
    pub(crate) fn neighbourhood(&self) -> Neighbourhood {
        match self {
            DropReason::Boilerplate { .. }
            | DropReason::TableOfContents
            | DropReason::RepeatedBlock
            | DropReason::PageFurniture
            | DropReason::Breadcrumb
            | DropReason::Infobox
            | DropReason::RunningHeader { .. }
            | DropReason::ForumUserName => Neighbourhood::Furniture,
            // Markup the reader never saw says nothing about the lines around it.
            DropReason::Duplicate
            | DropReason::MetaValue
            | DropReason::MergedLabel
            | DropReason::StrayMarkup => Neighbourhood::Transparent,
            DropReason::UserPattern { .. }
            | DropReason::DroppedSection { .. }
            | DropReason::CallToAction
            | DropReason::NavigationMenu
            | DropReason::LinkBar
            | DropReason::RepeatedAcrossPages { .. }
            | DropReason::NoTextAfter
            | DropReason::BetweenBoilerplate { .. }
            | DropReason::RepeatsTitle
            | DropReason::HeaderBeforeTitle
            | DropReason::LabelAfterTitle
            | DropReason::TrailingHeading
            | DropReason::TrailingMetadata { .. }
            | DropReason::Comments
            | DropReason::OutsideMainText
            | DropReason::RelatedContent
            | DropReason::OnwardLink
            | DropReason::AfterPostFooter
            | DropReason::StoryList
            | DropReason::ArchiveList => Neighbourhood::Boilerplate,
        }
    }

    /// See [`Neighbourhood::Furniture`].
    pub(crate) fn is_furniture(&self) -> bool {
        self.neighbourhood() == Neighbourhood::Furniture
    }

    /// See [`Neighbourhood::Transparent`].
    pub(crate) fn is_transparent(&self) -> bool {
        self.neighbourhood() == Neighbourhood::Transparent
    }

    /// The unit's text went into the page's metadata, not away.
    pub(crate) fn moved_to_metadata(&self) -> bool {
        *self == DropReason::MetaValue
    }
}

impl fmt::Display for DropReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DropReason::Boilerplate { label } => write!(f, "boilerplate: {label}"),
            DropReason::UserPattern { index, pattern } => {
                write!(f, "boilerplate pattern {index} from book.toml ({pattern})")
            }
            DropReason::DroppedSection { pattern } => {
                write!(
                    f,
                    "section dropped by `drop-sections` in book.toml ({pattern})"
                )
            }
            DropReason::TableOfContents => {
                f.write_str("table of contents (these headings follow below)")
            }
            DropReason::RepeatedBlock => f.write_str(
                "block of short lines the page shows again below, not as its sections' headings (buttons, related links or a menu shown twice)",
            ),
            DropReason::Duplicate => f.write_str("duplicate of the line above"),
            DropReason::PageFurniture => f.write_str("page number or running footer"),
            DropReason::StrayMarkup => {
                f.write_str("stray HTML markup (tags with attributes and no text, alone among text lines)")
            }
            DropReason::Breadcrumb => f.write_str("breadcrumb navigation"),
            DropReason::Infobox => f.write_str("infobox or table row before the text"),
            DropReason::CallToAction => f.write_str("advert: a call to action in the site's voice"),
            DropReason::NavigationMenu => {
                f.write_str("navigation menu (a run of capitalised links with no sentence)")
            }
            DropReason::LinkBar => {
                f.write_str("link bar (short links set apart by \"|\", \"·\" or \"•\")")
            }
            DropReason::RunningHeader { times } => write!(
                f,
                "running header or footer (stands alone {times} times on this page)"
            ),
            DropReason::RepeatedAcrossPages { pages } => {
                write!(
                    f,
                    "appears on {pages} pages of the corpus (site navigation)"
                )
            }
            DropReason::ForumUserName => f.write_str("user name above a forum post"),
            DropReason::MetaValue => f.write_str("value of the metadata line above (moved)"),
            DropReason::MergedLabel => f.write_str("figure label (merged into its caption)"),
            DropReason::NoTextAfter => {
                f.write_str("short line that introduces no text (menu item or button)")
            }
            DropReason::BetweenBoilerplate { low_density } => write!(
                f,
                "{} between boilerplate (not part of the text)",
                if *low_density {
                    "low-text-density line"
                } else {
                    "short line"
                }
            ),
            DropReason::RepeatsTitle => f.write_str("repeats the page title"),
            DropReason::HeaderBeforeTitle => {
                f.write_str("page header before the title (site name, menu)")
            }
            DropReason::LabelAfterTitle => {
                f.write_str("label between the title and the text (page furniture)")
            }
            DropReason::TrailingHeading => {
                f.write_str("heading at the end of the page with no text after it")
            }
            DropReason::OutsideMainText => f.write_str(
                "small run of text between boilerplate, away from the main text (sidebar, related links)",
            ),
            DropReason::Comments => {
                f.write_str("readers' comments after the article (a run of comment headers)")
            }
            DropReason::AfterPostFooter => f.write_str(
                "after the blog post's footer (\"Posted by … at 3:49 PM\"): the post ended there",
            ),
            DropReason::StoryList => f.write_str(
                "the site's list of stories, each line a time and a headline (site navigation)",
            ),
            DropReason::ArchiveList => f.write_str(
                "a blog's archive of months, newest first (links to its past posts: site navigation)",
            ),
            DropReason::OnwardLink => {
                f.write_str("link to another page (a short line ending in \"»\" or \"›\")")
            }
            DropReason::RelatedContent => f.write_str(
                "related content after the text (a label such as \"Around the web\" and the short lines under it)",
            ),
            DropReason::TrailingMetadata { key } => write!(
                f,
                "{} after the text, of a related item (the page has its own)",
                key.label()
            ),
        }
    }
}

/// Where every line of a raw page went. `rendered + removed + moved + blank == lines`
/// unless the cleaner has a bug, which `unaccounted` counts (and a warning names).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accounting {
    pub(crate) lines: usize,
    pub(crate) blank: usize,
    pub rendered: usize,
    pub(crate) removed: usize,
    pub(crate) moved: usize,
    pub(crate) unaccounted: usize,
    /// Lines claimed by two units (a cleaner bug).
    pub(crate) double: usize,
}

impl Accounting {
    /// Every line is in exactly one place.
    pub fn is_exact(&self) -> bool {
        self.unaccounted == 0
            && self.double == 0
            && self.rendered + self.removed + self.moved + self.blank == self.lines
    }
}

impl std::fmt::Display for Accounting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} lines: {} rendered, {} removed, {} moved to metadata, {} blank",
            self.lines, self.rendered, self.removed, self.moved, self.blank
        )?;
        if self.unaccounted > 0 {
            write!(f, ", {} UNACCOUNTED", self.unaccounted)?;
        }
        if self.double > 0 {
            write!(f, ", {} COUNTED TWICE", self.double)?;
        }
        Ok(())
    }
}

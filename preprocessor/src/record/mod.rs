//! The edit record: every automated change the cleaner makes, with provenance.
//!
//! The `--report` output and the book's "Editorial notes" chapter are both
//! rendered from this one record, so they always agree.

use std::fmt;

/// The pipeline stage that made an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Stage {
    Normalise,
    Reflow,
    Classify,
    Repair,
    /// Headings, title, metadata, references and citations.
    Assemble,
}

impl Stage {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Stage::Normalise => "normalise",
            Stage::Reflow => "reflow",
            Stage::Classify => "classify",
            Stage::Repair => "repair",
            Stage::Assemble => "assemble",
        }
    }
}

/// What an edit did to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Action {
    /// A line (or part of one) was removed from the body.
    Removed,
    /// A line was moved out of the body into the chapter's metadata.
    MovedToMetadata,
    /// Two lines or paragraphs were joined.
    Joined,
    /// Characters were replaced (normalisation, corrections).
    Changed,
    /// A line was made the chapter's title.
    ChosenAsTitle,
}

impl Action {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Action::Removed => "removed",
            Action::MovedToMetadata => "moved to metadata",
            Action::Joined => "joined",
            Action::Changed => "changed",
            Action::ChosenAsTitle => "chosen as title",
        }
    }
}

/// One automated edit, traceable to a line of a raw seed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub(crate) file: String,
    /// 1-based line number in the raw file.
    pub(crate) line: usize,
    pub(crate) stage: Stage,
    pub(crate) action: Action,
    /// The text before the edit (for removals: the removed text).
    pub before: String,
    /// The text after the edit (empty for removals).
    pub after: String,
    /// Why the cleaner did it, in words an editor understands.
    pub(crate) reason: String,
}

impl fmt::Display for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: [{}] {}: {}",
            self.file,
            self.line,
            self.stage.as_str(),
            self.action.as_str(),
            self.reason
        )?;
        if !self.before.is_empty() {
            write!(f, ": {:?}", self.before)?;
        }
        if !self.after.is_empty() {
            write!(f, " -> {:?}", self.after)?;
        }
        Ok(())
    }
}

/// Something the cleaner was unsure of, or an input problem, for the editor to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub file: String,
    /// 1-based line, 0 when the warning concerns the whole file.
    pub(crate) line: usize,
    pub(crate) message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: warning: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: warning: {}", self.file, self.line, self.message)
        }
    }
}

/// Collects edits and warnings for one file.
#[derive(Debug, Default, Clone)]
pub struct Log {
    pub(crate) file: String,
    pub edits: Vec<Edit>,
    pub warnings: Vec<Warning>,
}

impl Log {
    pub fn new(file: impl Into<String>) -> Self {
        Log {
            file: file.into(),
            ..Default::default()
        }
    }

    pub(crate) fn edit(
        &mut self,
        line: usize,
        stage: Stage,
        action: Action,
        before: impl Into<String>,
        after: impl Into<String>,
        reason: impl Into<String>,
    ) {
        self.edits.push(Edit {
            file: self.file.clone(),
            line,
            stage,
            action,
            before: before.into(),
            after: after.into(),
            reason: reason.into(),
        });
    }

    pub(crate) fn removed(
        &mut self,
        line: usize,
        stage: Stage,
        text: &str,
        reason: impl Into<String>,
    ) {
        self.edit(line, stage, Action::Removed, text, "", reason);
    }

    pub(crate) fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning {
            file: self.file.clone(),
            line,
            message: message.into(),
        });
    }
}

/// The one report printer, for `clean --report` and the seed snapshots: per page, a line
/// `FILE: ACCOUNTING` (where every raw line went), then one line per edit
/// (`FILE:LINE: [stage] action: reason: "before" -> "after"`), then the page's warnings.
pub fn page_report(file: &str, accounting: &crate::model::Accounting, log: &Log) -> String {
    use std::fmt::Write as _;
    let mut out = format!("{file}: {accounting}\n");
    for e in &log.edits {
        let _ = writeln!(out, "{e}");
    }
    for w in &log.warnings {
        let _ = writeln!(out, "{w}");
    }
    out
}

//! Errors of loading files: every one names the file, the line:column and
//! what is wrong.

use std::fmt;
use std::sync::Arc;

/// A position in a text file, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn start() -> Location {
        Location { line: 1, column: 1 }
    }

    /// The line and column of a byte offset in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Location {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { line, column }
    }

    /// Where `field:` first stands in `text` (outside comments, roughly).
    pub fn of_field(text: &str, field: &str) -> Location {
        let needle = format!("{field}:");
        find_token(text, &needle, 0).map_or(Location::start(), |o| Location::of_offset(text, o))
    }

    /// Where `field:` stands for the `n`th time (0-based), or the first time.
    pub fn of_nth_field(text: &str, field: &str, n: usize) -> Location {
        let needle = format!("{field}:");
        find_token(text, &needle, n)
            .or_else(|| find_token(text, &needle, 0))
            .map_or(Location::start(), |o| Location::of_offset(text, o))
    }

    /// Where the quoted id `"id"` first stands.
    pub fn of_id(text: &str, id: &str) -> Location {
        Location::of_nth_id(text, id, 0)
    }

    /// Where the quoted id `"id"` stands for the `n`th time (0-based), or the
    /// first time when it stands fewer times.
    pub fn of_nth_id(text: &str, id: &str, n: usize) -> Location {
        let needle = format!("\"{id}\"");
        find_token(text, &needle, n)
            .or_else(|| find_token(text, &needle, 0))
            .map_or(Location::start(), |o| Location::of_offset(text, o))
    }
}

/// The byte offset of the `n`th occurrence of `needle` that is not inside a
/// `//` comment.
fn find_token(text: &str, needle: &str, n: usize) -> Option<usize> {
    let mut seen = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let code = line.find("//").map_or(line, |i| &line[..i]);
        let mut from = 0;
        while let Some(i) = code[from..].find(needle) {
            let at = from + i;
            // A field name must not be the tail of a longer name.
            let boundary = at == 0
                || !code[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if boundary {
                if seen == n {
                    return Some(offset + at);
                }
                seen += 1;
            }
            from = at + needle.len();
        }
        offset += line.len();
    }
    None
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A file could not be read or is not valid. Cheap to clone so the GUI can
/// carry it in messages.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    #[error("{file}:{location}: {message}")]
    Invalid {
        file: String,
        location: Location,
        message: String,
    },
    #[error("{file}: {source}")]
    Io {
        file: String,
        #[source]
        source: Arc<std::io::Error>,
    },
    /// The dossier was scored against another rubric than the one it is
    /// opened with. Each face says how to give the right one (the CLI's
    /// `--rubric FILE`, the window's rubric choice).
    #[error(transparent)]
    OtherRubric(Box<OtherRubric>),
}

/// A dossier opened with another rubric than the one it was scored against.
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "{file}:{location}: this dossier was scored against rubric {id} {version} (hash {hash}), which is not the rubric it was opened with ({opened_with})"
)]
pub struct OtherRubric {
    pub file: String,
    pub location: Location,
    pub id: String,
    pub version: String,
    pub hash: String,
    /// The title of the rubric it was opened with.
    pub opened_with: String,
}

impl LoadError {
    pub fn at(file: &str, location: Location, message: impl Into<String>) -> LoadError {
        LoadError::Invalid {
            file: file.to_string(),
            location,
            message: message.into(),
        }
    }

    pub fn io(file: &str, source: std::io::Error) -> LoadError {
        LoadError::Io {
            file: file.to_string(),
            source: Arc::new(source),
        }
    }

    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            LoadError::Invalid { file, .. } | LoadError::Io { file, .. } => file,
            LoadError::OtherRubric(o) => &o.file,
        }
    }

    pub fn location(&self) -> Option<Location> {
        match self {
            LoadError::Invalid { location, .. } => Some(*location),
            LoadError::OtherRubric(o) => Some(o.location),
            LoadError::Io { .. } => None,
        }
    }
}

/// Refuse a file whose `format_version` is not the one this build reads
/// (`what` names the kind of file: "rubric", "dossier", ...). A missing
/// version reads as 0.
pub fn check_version(
    text: &str,
    file: &str,
    what: &str,
    found: u32,
    expected: u32,
) -> Result<(), LoadError> {
    match found {
        v if v == expected => Ok(()),
        0 => Err(LoadError::at(
            file,
            Location::start(),
            format!("no format_version; a {what} starts with `format_version: {expected}`"),
        )),
        v => Err(LoadError::at(
            file,
            Location::of_field(text, "format_version"),
            format!("unknown format version {v}; this build reads {what} format {expected}"),
        )),
    }
}

/// Deserialize RON, turning ron's span into our location and its message
/// into one that says what is allowed.
pub fn from_ron<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T, LoadError> {
    // A leading BOM is harmless; ron would refuse it.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(LoadError::at(file, Location::start(), "the file is empty"));
    }
    // What this program wrote is read by the fast path; everything else,
    // and every error, by `ron` (see `crate::fastron`).
    if let Some(value) = crate::fastron::from_str::<T>(body) {
        return Ok(value);
    }
    ron::Options::default().from_str::<T>(body).map_err(|e| {
        let pos = e.span.start;
        let location = Location {
            line: pos.line.max(1),
            column: pos.col.max(1),
        };
        let mut message = describe_ron_error(&e.code);
        // An error where only white space follows: the file was cut short.
        let end = Location::of_offset(body, body.trim_end().len());
        if !matches!(e.code, ron::Error::Eof)
            && (location.line, location.column) >= (end.line, end.column)
        {
            message = format!("the file ends too early (truncated?): {message}");
        }
        LoadError::at(file, location, message)
    })
}

fn describe_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown field `{found}`; allowed here: {}",
            expected.join(", ")
        ),
        ron::Error::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("`{outer}` lacks the field `{field}`"),
            None => format!("missing field `{field}`"),
        },
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown variant `{found}`; allowed: {}",
            expected.join(", ")
        ),
        ron::Error::Eof => "the file ends too early (truncated?)".to_string(),
        ron::Error::ExpectedString => "expected a text in double quotes".to_string(),
        ron::Error::ExpectedInteger => "expected a whole number".to_string(),
        ron::Error::IntegerOutOfBounds => {
            "the number is out of range (negative, or too large)".to_string()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_line_and_column() {
        let text = "ab\ncd\n  \"C3\"";
        assert_eq!(
            Location::of_offset(text, 0),
            Location { line: 1, column: 1 }
        );
        assert_eq!(
            Location::of_offset(text, 4),
            Location { line: 2, column: 2 }
        );
        assert_eq!(Location::of_id(text, "C3"), Location { line: 3, column: 3 });
    }

    #[test]
    fn ids_in_comments_are_skipped_and_the_nth_is_found() {
        let text = "// \"C1\" here\nid: \"C1\",\nid: \"C1\"";
        assert_eq!(Location::of_nth_id(text, "C1", 0).line, 2);
        assert_eq!(Location::of_nth_id(text, "C1", 1).line, 3);
    }

    #[test]
    fn a_field_is_not_matched_inside_a_longer_name() {
        let text = "award_total: 3,\ntotal: 100";
        assert_eq!(Location::of_field(text, "total").line, 2);
    }
}

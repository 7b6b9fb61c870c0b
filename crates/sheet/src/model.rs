//! A workbook as plain data, before it is a file: sheets of typed cells,
//! with their title lines and column heads. The `.xlsx` and `.ods` writers
//! turn the same model into either format, so both files hold the same.

use chrono::NaiveDateTime;

/// One cell. Numbers stay numbers (a spreadsheet can sum and sort them);
/// how they are shown is a number format of the file, so a Dutch Excel or
/// Calc shows `72,00` where the value is 72.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A whole number, shown without decimals.
    Whole(i64),
    /// A total or mean, shown with two decimals. The value is the exact
    /// figure already cut to two decimals toward zero (as `formats.md` §2
    /// writes totals), so no spreadsheet rounds 49.999 up to a shown 50,00.
    TwoDecimals(f64),
    /// A moment in local time, shown as dd-mm-jjjj uu:mm.
    Moment(NaiveDateTime),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A text cell, or an empty cell for an empty text.
    pub fn text_or_empty(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// About how many characters wide the cell shows (for column widths).
    fn shown_width(&self) -> usize {
        match self {
            Cell::Empty => 0,
            // A long text wraps in no spreadsheet by default: its first
            // line decides, within the limit of `MAX_WIDTH`.
            Cell::Text(s) => s.lines().next().map_or(0, |l| l.chars().count()),
            Cell::Whole(n) => n.to_string().len(),
            Cell::TwoDecimals(x) => format!("{x:.2}").len(),
            Cell::Moment(_) => "dd-mm-jjjj uu:mm".len(),
        }
    }
}

/// One worksheet: title lines on top (not part of the table), then one
/// row of column heads, then the rows. Title lines and heads stay in view
/// when the sheet scrolls (frozen).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// At most 31 characters and none of `[]:*?/\` (Excel's rule).
    pub name: String,
    pub title: Vec<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Column widths in characters: wide enough for the head and the widest
/// cell, within limits (a long motivation does not make a column of 300).
pub const MIN_WIDTH: usize = 6;
pub const MAX_WIDTH: usize = 60;

/// A sheet with at most this many columns is printed one page wide; a
/// wider one (the scores per assessor) over as many pages as it needs.
pub const PRINT_ONE_PAGE_WIDE: usize = 12;

impl Sheet {
    /// Whether the sheet is printed scaled to one page wide.
    pub fn fits_one_page_wide(&self) -> bool {
        self.header.len() <= PRINT_ONE_PAGE_WIDE
    }

    /// The row (from 0) of the column heads; the data starts below it.
    pub fn header_row(&self) -> u32 {
        self.title.len() as u32
    }

    /// The width of each column, in characters.
    pub fn widths(&self) -> Vec<usize> {
        let columns = self
            .rows
            .iter()
            .map(Vec::len)
            .chain([self.header.len()])
            .max()
            .unwrap_or(0);
        (0..columns)
            .map(|c| {
                let head = self.header.get(c).map_or(0, |h| h.chars().count());
                let cells = self
                    .rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(Cell::shown_width)
                    .max()
                    .unwrap_or(0);
                (head.max(cells) + 2).clamp(MIN_WIDTH, MAX_WIDTH)
            })
            .collect()
    }
}

/// A workbook: its sheets in order, and what its document properties say.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    pub title: String,
    pub subject: String,
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fit_the_head_and_the_widest_cell_within_limits() {
        let sheet = Sheet {
            name: "x".into(),
            title: vec!["a title that is long".into()],
            header: vec!["Id".into(), "Regio".into(), "Motivering".into()],
            rows: vec![
                vec![
                    Cell::text("A01"),
                    Cell::text("Regio Lindewaard"),
                    Cell::text("x".repeat(500)),
                ],
                vec![
                    Cell::Whole(7),
                    Cell::Empty,
                    Cell::text("kort\nen een lange tweede regel"),
                ],
            ],
        };
        assert_eq!(sheet.widths(), vec![MIN_WIDTH, 18, MAX_WIDTH]);
        assert_eq!(sheet.header_row(), 1);
    }
}

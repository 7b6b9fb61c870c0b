//! The workbook as `.xlsx`, through `rust_xlsxwriter`.
//!
//! Number formats in an `.xlsx` file are stored in Excel's neutral notation
//! (`0.00`); Excel and Calc show them in the user's locale, so a Dutch
//! installation shows `72,00`.

use rust_xlsxwriter::{DocProperties, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::SheetError;
use crate::model::{self, Cell};

/// Excel's number for A4 paper.
const A4: u8 = 9;

struct Formats {
    title: Format,
    about: Format,
    head: Format,
    whole: Format,
    two: Format,
    moment: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(12),
            about: Format::new().set_italic(),
            head: Format::new()
                .set_bold()
                .set_background_color(0xE8EEF4)
                .set_border_bottom(FormatBorder::Thin),
            whole: Format::new().set_num_format("0"),
            two: Format::new().set_num_format("0.00"),
            moment: Format::new().set_num_format("dd-mm-yyyy hh:mm"),
        }
    }
}

pub(crate) fn render(book: &model::Workbook) -> Result<Vec<u8>, SheetError> {
    build(book).map_err(|e| SheetError::Xlsx(e.to_string()))
}

fn build(book: &model::Workbook) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(&book.title)
            .set_subject(&book.subject)
            .set_author("leidraad"),
    );
    let formats = Formats::new();
    for sheet in &book.sheets {
        let ws = workbook.add_worksheet();
        write_sheet(ws, sheet, &formats)?;
    }
    workbook.save_to_buffer()
}

fn write_sheet(ws: &mut Worksheet, sheet: &model::Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    for (i, line) in sheet.title.iter().enumerate() {
        let format = if i == 0 { &f.title } else { &f.about };
        ws.write_string_with_format(i as u32, 0, line, format)?;
    }
    let head = sheet.header_row();
    for (c, name) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(head, column(c)?, name, &f.head)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = head + 1 + u32::try_from(r).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, cell) in row.iter().enumerate() {
            let c = column(c)?;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Cell::Whole(n) => {
                    ws.write_number_with_format(r, c, *n as f64, &f.whole)?;
                }
                Cell::TwoDecimals(x) => {
                    ws.write_number_with_format(r, c, *x, &f.two)?;
                }
                Cell::Moment(at) => {
                    ws.write_datetime_with_format(r, c, at, &f.moment)?;
                }
            }
        }
    }
    for (c, width) in sheet.widths().into_iter().enumerate() {
        ws.set_column_width(column(c)?, width as f64)?;
    }
    ws.set_freeze_panes(head + 1, 0)?;
    // Printed: A4 landscape, the title lines and the head on every page.
    ws.set_paper_size(A4);
    ws.set_landscape();
    ws.set_repeat_rows(0, head)?;
    if sheet.fits_one_page_wide() {
        ws.set_print_fit_to_pages(1, 0);
    }
    Ok(())
}

fn column(c: usize) -> Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}

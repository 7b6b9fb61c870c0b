//! The plan beside the form: under each knock-out and criterion card the
//! passages the finder picks from the application's plan van aanpak, one
//! click to cite one as the criterion's evidence, and a pane with the
//! plan's text by page and a search over it.
//!
//! The plan is indexed and searched once per application and document
//! (its SHA-256), when the screen opens, never while drawing: `view` only
//! reads [`Plan`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::Utc;
use iced::widget::{Id, button, column, container, rich_text, row, scrollable, span, text};
use iced::widget::{text::Span, text_input};
use iced::{Alignment, Element, Fill, Task};

use super::{State, criterion, widget_id_str};
use crate::ui::dialog::FileDialog;
use crate::ui::{strings, theme};
use leidraad_core::document::{Document, Kind};
use leidraad_core::dossier::{Application, ApplicationId, Evidence};
use leidraad_core::passages::{Found, Index, Passage, Query};
use leidraad_core::rubric::Rubric;
use leidraad_core::session::Session;

/// How many passages a card offers.
pub const TOP: usize = 5;
/// How many search hits the pane lists.
const MAX_HITS: usize = 50;

#[derive(Debug, Clone)]
pub enum Message {
    /// Open or close the passages under a card (KO or criterion id).
    Expand(String),
    /// Cite passage `k` of criterion `i` as its evidence.
    Cite(usize, usize),
    /// Show passage `k` of a card's id in the pane.
    Show(String, usize),
    /// Show or hide the pane.
    Toggle,
    Search(String),
    /// Show this page (from 0) in the pane.
    Page(usize),
    /// Ask for a document to add as the plan van aanpak.
    Attach,
    /// The file dialog answered (`None`: closed without a choice).
    Picked(Option<PathBuf>),
    /// The file read and indexed off the window's thread, or why not.
    Read(Result<Arc<(Document, Plan)>, String>),
}

/// The plan of the application on the screen, read and searched once.
#[derive(Debug)]
pub struct Plan {
    application: ApplicationId,
    sha256: String,
    pub name: String,
    kind: &'static str,
    paged: bool,
    pages: Vec<String>,
    /// Per knock-out or criterion id.
    found: BTreeMap<String, Found>,
}

impl Plan {
    /// The application's plan van aanpak, indexed, with the passages for
    /// every knock-out and criterion; `None` without one.
    pub fn read(rubric: &Rubric, app: &Application) -> Option<Plan> {
        let doc = app.attachments.iter().find(|d| d.kind == Kind::Plan)?;
        Some(Plan::of(rubric, &app.id, doc))
    }

    /// A document indexed, with the passages for every knock-out and
    /// criterion.
    pub fn of(rubric: &Rubric, application: &ApplicationId, doc: &Document) -> Plan {
        let index = Index::new(&doc.pages, doc.paged);
        let ids = rubric
            .knockouts
            .iter()
            .map(|k| k.id.to_string())
            .chain(rubric.criteria().map(|c| c.id.to_string()));
        let found = ids
            .filter_map(|id| {
                let query = Query::for_criterion(rubric, &id)?;
                Some((id, index.search(&query, TOP)))
            })
            .collect();
        Plan {
            application: application.clone(),
            sha256: doc.sha256.clone(),
            name: doc.name.clone(),
            kind: doc.kind.label(),
            paged: doc.paged,
            pages: doc.pages.clone(),
            found,
        }
    }

    /// Whether this is the plan `app` has now.
    fn is_current(&self, app: &Application) -> bool {
        self.application == app.id
            && app
                .attachments
                .iter()
                .find(|d| d.kind == Kind::Plan)
                .is_some_and(|d| d.sha256 == self.sha256)
    }

    /// The passages found for a knock-out or criterion.
    pub fn found(&self, id: &str) -> Option<&Found> {
        self.found.get(id)
    }

    fn passage(&self, id: &str, k: usize) -> Option<&Passage> {
        self.found(id)?.passages.get(k)
    }
}

/// The pane beside the form.
#[derive(Default)]
pub struct Pane {
    pub open: bool,
    /// The page shown, from 0.
    page: usize,
    /// The passage marked on the page shown.
    mark: Option<String>,
    search: String,
    /// Where the search is found: page (from 0) and the line.
    hits: Vec<(usize, String)>,
    /// The cards whose passages are open.
    expanded: BTreeSet<String>,
    /// A document is being asked for or read.
    attaching: bool,
}

impl State {
    /// Read the plan again if the application's plan is not the one read.
    pub(super) fn refresh_plan(&mut self, session: &Session) {
        let Some(app) = session.dossier().application(&self.target.application) else {
            self.plan = None;
            return;
        };
        if self.plan.as_ref().is_some_and(|p| p.is_current(app)) {
            return;
        }
        self.plan = Plan::read(session.rubric(), app).map(Box::new);
        self.pane.page = 0;
        self.pane.mark = None;
        self.pane.hits.clear();
        self.pane.search.clear();
    }

    pub(super) fn plan_update(&mut self, session: &mut Session, message: Message) -> super::Action {
        match message {
            Message::Attach => {
                if self.pane.attaching {
                    return super::Action::None;
                }
                self.pane.attaching = true;
                return super::Action::Run(Task::perform(
                    FileDialog::open(strings::ATTACH_DIALOG)
                        .filter(strings::ATTACH_FILTER, &["pdf", "docx", "odt", "txt"])
                        .show(),
                    |p| super::Message::Plan(Message::Picked(p)),
                ));
            }
            Message::Picked(None) => self.pane.attaching = false,
            Message::Picked(Some(path)) => {
                self.pane.attaching = true;
                let rubric = session.rubric().clone();
                let application = self.target.application.clone();
                return super::Action::Run(off_thread(move || {
                    read_plan(&rubric, &application, &path)
                }));
            }
            Message::Read(result) => {
                self.pane.attaching = false;
                self.attached(session, result);
            }
            Message::Expand(id) => {
                if !self.pane.expanded.remove(&id) {
                    self.pane.expanded.insert(id);
                }
            }
            Message::Toggle => self.pane.open = !self.pane.open,
            Message::Page(p) => {
                let pages = self.plan.as_ref().map_or(0, |p| p.pages.len());
                if p < pages {
                    self.pane.page = p;
                }
            }
            Message::Search(q) => {
                self.pane.hits = self.plan.as_ref().map_or_else(Vec::new, |p| search(p, &q));
                self.pane.search = q;
            }
            Message::Show(id, k) => {
                let Some(p) = self.plan.as_ref().and_then(|p| p.passage(&id, k)) else {
                    return super::Action::None;
                };
                self.pane.page = p.page.map_or(0, |n| n.saturating_sub(1));
                self.pane.mark = Some(p.text.clone());
                self.pane.open = true;
            }
            Message::Cite(i, k) => {
                let id = criterion(session.rubric(), i).id.clone();
                let Some(p) = self.plan.as_ref().and_then(|p| p.passage(&id.0, k)) else {
                    return super::Action::None;
                };
                let document = self
                    .plan
                    .as_ref()
                    .map_or_else(String::new, |p| p.name.clone());
                let evidence = Evidence {
                    document,
                    page: p.page.map(|n| n.to_string()).unwrap_or_default(),
                    quote: p.text.clone(),
                };
                let now = Utc::now();
                self.apply(session, |r, d, t| {
                    leidraad_core::edit::set_evidence(r, d, t, &id, evidence, now)
                });
            }
        }
        super::Action::None
    }

    /// A document read: kept in the dossier as the application's plan (with
    /// an entry in the log), and shown; or the reason it was refused.
    fn attached(&mut self, session: &mut Session, result: Result<Arc<(Document, Plan)>, String>) {
        let read = match result {
            Ok(read) => read,
            Err(why) => {
                self.notice = Some(super::Notice::Error(strings::attach_refused(&why)));
                return;
            }
        };
        let (doc, _) = &*read;
        let (application, by) = (
            self.target.application.clone(),
            self.target.assessor.clone(),
        );
        let kept = session.edit_if(|_, d| {
            leidraad_core::document::attach(d, &application, doc.clone(), &by, Utc::now())
        });
        match kept {
            Ok(_) => {
                let Ok((_, plan)) = Arc::try_unwrap(read) else {
                    // Never shared: the message is used once.
                    self.refresh_plan(session);
                    self.pane.open = true;
                    return;
                };
                self.plan = Some(Box::new(plan));
                *self.pane = Pane {
                    open: true,
                    expanded: std::mem::take(&mut self.pane.expanded),
                    ..Pane::default()
                };
            }
            Err(e) => {
                self.notice = Some(super::Notice::Error(strings::attach_refused(
                    &e.to_string(),
                )));
            }
        }
    }

    /// Under a card: "Vindplaatsen in het plan (n)", and when opened the
    /// passages with their page, the matched terms in bold, a negation
    /// marked, and for a criterion (`cite`: its index) a button to cite it.
    pub(super) fn passages_view<'a>(
        &'a self,
        id: &str,
        cite: Option<(usize, &Evidence)>,
        editable: bool,
    ) -> Option<Element<'a, super::Message>> {
        let plan = self.plan.as_ref()?;
        let found = plan.found(id)?;
        let n = if found.found { found.passages.len() } else { 0 };
        let open = self.pane.expanded.contains(id);
        let key = id.to_string();
        let header = container(
            button(
                row![
                    text(if open { "▾" } else { "▸" }).size(theme::SMALL),
                    text(strings::passages_heading(n)).size(theme::SMALL),
                ]
                .spacing(6),
            )
            .style(theme::link)
            .padding(0)
            .on_press(super::Message::Plan(Message::Expand(key.clone()))),
        )
        .id(widget_id_str(&format!("passages-{id}")));
        let mut out = column![header].spacing(6);
        if !open {
            return Some(out.into());
        }
        if !found.found {
            out = out.push(
                text(strings::NOTHING_CONVINCING)
                    .size(theme::SMALL)
                    .style(theme::muted),
            );
            return Some(out.into());
        }
        for (k, p) in found.passages.iter().enumerate() {
            let mut line = row![
                text(strings::page_label(p.page))
                    .size(theme::SMALL)
                    .font(super::bold())
                    .width(40),
                rich_text(highlight(&p.text, &p.terms))
                    .size(theme::SMALL)
                    .width(Fill),
            ]
            .spacing(8)
            .align_y(Alignment::Start);
            let mut side = column![].spacing(4).align_x(Alignment::End);
            if p.negated {
                side = side.push(
                    container(text(strings::NEGATED).size(theme::SMALL))
                        .padding([1, 6])
                        .style(theme::tone_box(theme::Tone::Bad)),
                );
            }
            side = side.push(
                container(
                    button(text(strings::SHOW_IN_PLAN).size(theme::SMALL))
                        .style(theme::link)
                        .padding(0)
                        .on_press(super::Message::Plan(Message::Show(key.clone(), k))),
                )
                .id(widget_id_str(&format!("show-{id}-{k}"))),
            );
            if let Some((i, evidence)) = cite {
                let cited = evidence.quote == p.text;
                side = side.push(if cited {
                    Element::from(
                        text(strings::CITED)
                            .size(theme::SMALL)
                            .style(theme::success_text),
                    )
                } else {
                    container(
                        button(text(strings::CITE).size(theme::SMALL))
                            .padding([2, 8])
                            .style(theme::secondary)
                            .on_press_maybe(
                                editable.then_some(super::Message::Plan(Message::Cite(i, k))),
                            ),
                    )
                    .id(widget_id_str(&format!("cite-{id}-{k}")))
                    .into()
                });
            }
            line = line.push(side.width(110));
            out = out.push(line);
        }
        out = out.push(
            text(strings::FINDS_NOT_JUDGES)
                .size(theme::SMALL)
                .style(theme::muted),
        );
        Some(out.into())
    }

    /// "Document toevoegen…": a file to keep as the plan van aanpak.
    fn attach_button<'a>(&self, read_only: bool) -> Element<'a, super::Message> {
        column![
            container(
                button(text(strings::ATTACH_DOCUMENT).size(theme::SMALL))
                    .padding([4, 10])
                    .style(theme::secondary)
                    .on_press_maybe(
                        (!self.pane.attaching && !read_only)
                            .then_some(super::Message::Plan(Message::Attach)),
                    ),
            )
            .id(Id::new("attach-document")),
            text(strings::ATTACH_HINT)
                .size(theme::SMALL)
                .style(theme::muted),
        ]
        .spacing(2)
        .into()
    }

    /// The plan's title with the toggle for the pane.
    pub(super) fn plan_title_row<'a>(&self, title: &'a str) -> Element<'a, super::Message> {
        row![
            text(title).size(theme::TEXT).width(Fill),
            self.plan_toggle()
        ]
        .spacing(12)
        .align_y(Alignment::Center)
        .into()
    }

    /// The toggle for the pane.
    fn plan_toggle<'a>(&self) -> Element<'a, super::Message> {
        container(
            button(
                text(if self.pane.open {
                    strings::HIDE_PLAN
                } else {
                    strings::SHOW_PLAN
                })
                .size(theme::TEXT),
            )
            .padding([4, 10])
            .style(theme::secondary)
            .on_press(super::Message::Plan(Message::Toggle)),
        )
        .id(Id::new("show-plan"))
        .into()
    }

    /// The pane: the plan's name, the search with its hits, the page shown
    /// with the passage marked.
    /// `read_only`: the dossier is open read-only (no document is added).
    pub(super) fn plan_pane<'a>(&'a self, read_only: bool) -> Option<Element<'a, super::Message>> {
        if !self.pane.open {
            return None;
        }
        let Some(plan) = &self.plan else {
            return Some(pane_box(
                column![
                    text(strings::NO_PLAN).size(theme::TEXT),
                    self.attach_button(read_only)
                ]
                .spacing(10),
            ));
        };
        let msg = |m| super::Message::Plan(m);
        let mut body = column![
            text(strings::plan_title(&plan.name, plan.kind))
                .size(theme::TEXT)
                .font(super::bold()),
            self.attach_button(read_only),
            text_input(strings::PLAN_SEARCH, &self.pane.search)
                .id(Id::new("plan-search"))
                .on_input(move |s| msg(Message::Search(s)))
                .size(theme::TEXT)
                .padding(6)
                .style(theme::input),
        ]
        .spacing(8);
        if !self.pane.search.trim().is_empty() {
            let mut hits = column![
                text(if self.pane.hits.is_empty() {
                    strings::NO_HITS.to_string()
                } else {
                    strings::hits(self.pane.hits.len())
                })
                .size(theme::SMALL)
                .style(theme::muted)
            ]
            .spacing(2);
            for (k, (page, line)) in self.pane.hits.iter().enumerate() {
                let label = if plan.paged {
                    format!("{}: {line}", strings::page_label(Some(page + 1)))
                } else {
                    line.clone()
                };
                hits = hits.push(
                    container(
                        button(text(label).size(theme::SMALL))
                            .style(theme::link)
                            .padding(0)
                            .on_press(msg(Message::Page(*page))),
                    )
                    .id(widget_id_str(&format!("hit-{k}"))),
                );
            }
            body = body.push(scrollable(hits).height(iced::Length::FillPortion(1)));
        }
        let page = self.pane.page.min(plan.pages.len().saturating_sub(1));
        let nav = row![
            container(
                button(text(strings::PREVIOUS_PAGE).size(theme::SMALL))
                    .style(theme::secondary)
                    .on_press_maybe((page > 0).then(|| msg(Message::Page(page - 1)))),
            )
            .id(Id::new("plan-previous")),
            text(strings::page_of(page + 1, plan.pages.len().max(1)))
                .size(theme::SMALL)
                .width(Fill)
                .align_x(iced::alignment::Horizontal::Center),
            container(
                button(text(strings::NEXT_PAGE).size(theme::SMALL))
                    .style(theme::secondary)
                    .on_press_maybe(
                        (page + 1 < plan.pages.len()).then(|| msg(Message::Page(page + 1))),
                    ),
            )
            .id(Id::new("plan-next")),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        let shown = plan.pages.get(page).map_or("", String::as_str);
        let page_text = rich_text(mark(shown, self.pane.mark.as_deref())).size(theme::SMALL);
        body = body.push(nav).push(
            scrollable(container(page_text).padding([0, 8]))
                .id(Id::new("plan-page"))
                .height(iced::Length::FillPortion(3)),
        );
        Some(pane_box(body))
    }
}

/// Read and index a file as the plan (on a worker thread).
fn read_plan(
    rubric: &Rubric,
    application: &ApplicationId,
    path: &std::path::Path,
) -> Result<Arc<(Document, Plan)>, String> {
    let doc = crate::document_file::read(path, Kind::Plan)?;
    let plan = Plan::of(rubric, application, &doc);
    Ok(Arc::new((doc, plan)))
}

/// Run `work` on its own thread; its result comes back as a message.
fn off_thread(
    work: impl FnOnce() -> Result<Arc<(Document, Plan)>, String> + Send + 'static,
) -> Task<super::Message> {
    Task::perform(
        async move {
            let (tx, rx) = iced::futures::channel::oneshot::channel();
            std::thread::spawn(move || {
                let _ = tx.send(work());
            });
            rx.await
                .unwrap_or_else(|_| Err(strings::WORKER_LOST.to_string()))
        },
        |r| super::Message::Plan(Message::Read(r)),
    )
}

fn pane_box<'a>(body: iced::widget::Column<'a, super::Message>) -> Element<'a, super::Message> {
    container(body.padding(14))
        .width(400)
        .height(Fill)
        .style(theme::card)
        .into()
}

/// Case-insensitive search of the plan's lines: page (from 0) and line.
fn search(plan: &Plan, query: &str) -> Vec<(usize, String)> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, page) in plan.pages.iter().enumerate() {
        for line in page.lines() {
            if line.to_lowercase().contains(&q) {
                out.push((i, line.trim().to_string()));
                if out.len() == MAX_HITS {
                    return out;
                }
            }
        }
    }
    out
}

/// The passage in spans, the words where a term starts in bold (to the
/// end of the word, so "veiligheidsteams" is bold for "veiligheidsteam").
pub fn highlight<'a>(passage: &'a str, terms: &[String]) -> Vec<Span<'a, (), iced::Font>> {
    let ranges = term_ranges(passage, terms);
    let mut spans = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        if start > at {
            spans.push(span(&passage[at..start]));
        }
        spans.push(
            span(&passage[start..end])
                .font(super::bold())
                .color(iced::Color::from_rgb(0.004, 0.251, 0.443)),
        );
        at = end;
    }
    if at < passage.len() {
        spans.push(span(&passage[at..]));
    }
    spans
}

/// Where the terms stand in the passage (byte ranges, in order, not
/// overlapping): a term matched without regard to case, starting at a word
/// and running to the end of the word it ends in.
pub fn term_ranges(passage: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let bytes = passage.as_bytes();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for term in terms.iter().filter(|t| !t.trim().is_empty()) {
        let t = term.trim();
        for start in (0..passage.len()).filter(|&i| passage.is_char_boundary(i)) {
            let Some(candidate) = passage.get(start..start + t.len()) else {
                continue;
            };
            let at_word = passage[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !at_word || !candidate.eq_ignore_ascii_case(t) {
                continue;
            }
            let mut end = start + t.len();
            while end < bytes.len() {
                let c = passage[end..].chars().next().unwrap_or(' ');
                if !c.is_alphanumeric() {
                    break;
                }
                end += c.len_utf8();
            }
            ranges.push((start, end));
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The page in spans, the marked passage (where it stands on the page)
/// on a coloured background.
fn mark<'a>(page: &'a str, passage: Option<&str>) -> Vec<Span<'a, (), iced::Font>> {
    match passage.and_then(|p| locate(page, p)) {
        Some((s, e)) => vec![
            span(&page[..s]),
            span(&page[s..e])
                .font(super::bold())
                .background(iced::Color::from_rgb(1.0, 0.93, 0.6)),
            span(&page[e..]),
        ],
        None => vec![span(page)],
    }
}

/// Where the passage stands on the page (byte range), its words in order
/// with any white space (a line break) between them.
pub fn locate(page: &str, passage: &str) -> Option<(usize, usize)> {
    let mut words = passage.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    'start: for (start, _) in page.match_indices(first) {
        let mut at = start + first.len();
        for w in &rest {
            let trimmed = page[at..].trim_start();
            if !trimmed.starts_with(w) {
                continue 'start;
            }
            at = page.len() - trimmed.len() + w.len();
        }
        return Some((start, at));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::term_ranges;

    #[test]
    fn terms_are_found_at_a_word_start_to_the_end_of_the_word() {
        let p = "Het Regionaal Veiligheidsteams en de RVT; geen BRVT.";
        let r = term_ranges(p, &["veiligheidsteam".into(), "RVT".into()]);
        let words: Vec<&str> = r.iter().map(|&(s, e)| &p[s..e]).collect();
        assert_eq!(words, ["Veiligheidsteams", "RVT"]);
    }

    #[test]
    fn a_passage_is_located_across_line_breaks() {
        let page = "Inleiding.\nWe willen in dit stadium geen\nregionaal veiligheidsteam oprichten. Verder.";
        let p = "We willen in dit stadium geen regionaal veiligheidsteam oprichten.";
        let (s, e) = super::locate(page, p).expect("found");
        assert_eq!(&page[s..s + 8], "We wille");
        assert_eq!(&page[e - 10..e], "oprichten.");
        assert_eq!(super::locate(page, "geen plan hier"), None);
    }
}

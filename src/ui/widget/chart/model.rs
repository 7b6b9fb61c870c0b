//! The chart model: what the charts show, built from the evaluations
//! alone (every number an exact final from `scoring`).

use leidraad_core::dossier::{ApplicationId, Round};
use leidraad_core::exact::Exact;
use leidraad_core::rubric::{CriterionId, Rubric};
use leidraad_core::scoring::{Evaluation, Status};

use super::Kind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupInfo {
    pub name: String,
    pub cap: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionInfo {
    pub id: CriterionId,
    pub name: String,
    pub cap: u32,
}

/// One group's part of a bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub group: usize,
    /// Where the segment starts: the sum of the groups before it.
    pub start: Exact,
    pub value: Exact,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarRow {
    pub id: ApplicationId,
    pub region: String,
    pub rank: Option<u32>,
    pub status: Status,
    pub total: Exact,
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatRow {
    pub id: ApplicationId,
    pub region: String,
    pub rank: Option<u32>,
    /// The final value per criterion, in rubric order (None: not final).
    pub cells: Vec<Option<Exact>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    pub id: ApplicationId,
    pub region: String,
    /// The rank in round 2.
    pub rank: Option<u32>,
    pub one: Exact,
    pub two: Exact,
}

/// Everything the charts show, from the evaluations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub round: Round,
    /// The threshold of the shown round.
    pub threshold: u32,
    pub thresholds: [u32; 2],
    pub award_count: u32,
    /// The sum of the caps: the end of the axis.
    pub max: u32,
    pub groups: Vec<GroupInfo>,
    pub criteria: Vec<CriterionInfo>,
    /// The ranked applications with a total, in rank order.
    pub bars: Vec<BarRow>,
    /// The award line lies after this bar row (round 2 only).
    pub award_after: Option<usize>,
    pub heat: Vec<HeatRow>,
    /// Applications with a total in both rounds, in round-2 rank order.
    pub pairs: Vec<PairRow>,
}

impl Model {
    /// The chart model of `round`; `one` and `two` are the evaluations of
    /// both rounds (for the round chart).
    pub fn build(rubric: &Rubric, round: Round, one: &Evaluation, two: &Evaluation) -> Model {
        let eval = match round {
            Round::One => one,
            Round::Two => two,
        };
        let groups: Vec<GroupInfo> = rubric
            .groups
            .iter()
            .map(|g| GroupInfo {
                name: g.name.clone(),
                cap: g.criteria.iter().map(|c| c.cap).sum(),
            })
            .collect();
        let criteria: Vec<CriterionInfo> = rubric
            .criteria()
            .map(|c| CriterionInfo {
                id: c.id.clone(),
                name: c.name.clone(),
                cap: c.cap,
            })
            .collect();
        let max = groups.iter().map(|g| g.cap).sum::<u32>().max(1);
        let mut bars = Vec::new();
        let mut heat = Vec::new();
        for a in &eval.applications {
            let Some(total) = a.total else { continue };
            if !a.status.is_ranked() {
                continue;
            }
            let mut start = Exact::whole(0);
            let segments = a
                .groups
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let s = Segment {
                        group: i,
                        start,
                        value: g.total,
                    };
                    start = start + g.total;
                    s
                })
                .collect();
            bars.push(BarRow {
                id: a.id.clone(),
                region: a.region.clone(),
                rank: a.rank,
                status: a.status,
                total,
                segments,
            });
            heat.push(HeatRow {
                id: a.id.clone(),
                region: a.region.clone(),
                rank: a.rank,
                cells: criteria
                    .iter()
                    .map(|c| {
                        a.criteria
                            .iter()
                            .find(|f| f.id == c.id)
                            .and_then(|f| f.value)
                    })
                    .collect(),
            });
        }
        let award_after = (round == Round::Two)
            .then(|| {
                bars.iter()
                    .rposition(|b| matches!(b.status, Status::Awarded | Status::Tie))
            })
            .flatten();
        let pairs = two
            .applications
            .iter()
            .filter_map(|b| {
                let two_total = b.total?;
                let one_total = one.get(&b.id)?.total?;
                Some(PairRow {
                    id: b.id.clone(),
                    region: b.region.clone(),
                    rank: b.rank,
                    one: one_total,
                    two: two_total,
                })
            })
            .collect();
        Model {
            round,
            threshold: eval.threshold,
            thresholds: [one.threshold, two.threshold],
            award_count: eval.award_count,
            max,
            groups,
            criteria,
            bars,
            award_after,
            heat,
            pairs,
        }
    }

    pub fn rows(&self, kind: Kind) -> usize {
        match kind {
            Kind::Bars => self.bars.len(),
            Kind::Heat => self.heat.len(),
            Kind::Rounds => self.pairs.len(),
        }
    }

    /// The application of a row of a chart.
    pub fn application(&self, kind: Kind, row: usize) -> Option<&ApplicationId> {
        match kind {
            Kind::Bars => self.bars.get(row).map(|r| &r.id),
            Kind::Heat => self.heat.get(row).map(|r| &r.id),
            Kind::Rounds => self.pairs.get(row).map(|r| &r.id),
        }
    }
}

//! The frame's columns, read from the staff table in two sweeps side by
//! side: the columns read from texts on one thread (each distinct text read
//! once, so the sweep carries what it has read), the others in blocks of
//! postings across the cores. When the table was a vector of row records,
//! a sweep per column read each record (over a hundred bytes) once per
//! column, gigabytes through memory on the bench roster of 2.5 M rows: with
//! the retirement dates the staff frame took 0.49–0.52 s, then 0.25–0.30 s
//! (alternating runs).

use chrono::NaiveDate;
use polars::prelude::*;
use rayon::prelude::*;

use super::{EDU, LLCT, QLNN, TitleKeys, UNIT_TYPES, i8_of, past_retirement, rank};
use crate::roster::{Roster, Staff, Text};
use crate::scales::{Category, Gender, GovLevel};
use crate::text::fold;
use crate::units::Hierarchy;
use crate::vocab::{dates, grades, skills};

/// Postings per block of the sweep across the cores.
const BLOCK: usize = 16_384;

/// The frame's columns, in its order, and the title classes.
pub(super) fn columns(
    roster: &Roster,
    h: &Hierarchy,
    as_of: NaiveDate,
    retire: &[Option<NaiveDate>],
) -> (Vec<Column>, TitleKeys) {
    let n = roster.staff.len();
    // Allocated on this thread, filled on every core: a column allocated
    // on rayon's other thread stays in that thread's heap after it is
    // freed (the national report's peak rose by 25 MB when the blocks
    // were built there and joined).
    let mut plain = Plain::zeroed(n);
    let blocks = plain.blocks(BLOCK);
    let texts = rayon::join(
        || TextColumns::read(roster),
        || {
            let staff = &roster.staff;
            blocks
                .into_par_iter()
                .enumerate()
                .for_each(|(b, mut block)| {
                    for i in 0..block.rec.len() {
                        let k = b * BLOCK + i;
                        block.set(i, (k, staff), (h, as_of, retire.get(k).copied().flatten()));
                    }
                });
        },
    )
    .0;
    // Whether the person has other postings: most have one, so the forms
    // look for people in several units among those who do.
    let several: Vec<bool> = plain
        .person
        .par_iter()
        .map(|&p| texts.postings.get(p as usize).is_some_and(|&k| k > 1))
        .collect();
    let columns = vec![
        Column::new("rec".into(), plain.rec),
        Column::new("person".into(), plain.person),
        Column::new("several_postings".into(), several),
        Column::new("unit".into(), plain.unit),
        Column::new("leaf".into(), plain.leaf),
        Column::new("category".into(), plain.category),
        Column::new("commune".into(), plain.commune),
        Column::new("gov_level".into(), plain.gov_level),
        Column::new("unit_type".into(), plain.unit_type),
        Column::new("leader".into(), texts.leader),
        Column::new("title".into(), texts.title),
        Column::new("education".into(), plain.education),
        Column::new("political_theory".into(), plain.political_theory),
        Column::new("state_management".into(), plain.state_management),
        Column::new("female".into(), plain.female),
        Column::new("age".into(), plain.age),
        Column::new("past_retirement".into(), plain.past_retirement),
        Column::new("minority".into(), texts.minority),
        Column::new("party".into(), plain.party),
        Column::new("grade_rank".into(), texts.grade_rank),
        Column::new("title_class".into(), texts.title_class),
        Column::new("it".into(), texts.it),
        Column::new("english".into(), texts.english),
        Column::new("other_language".into(), texts.other_language),
    ];
    (columns, texts.titles)
}

/// The columns read from the record alone (and the hierarchy), whole, and
/// a block of their rows.
macro_rules! plain_columns {
    ($($field:ident: $t:ty),* $(,)?) => {
        struct Plain {
            $($field: Vec<$t>,)*
        }

        struct Block<'a> {
            $($field: &'a mut [$t],)*
        }

        impl Plain {
            /// `n` rows of zeros (pages the system zeroes when first written).
            fn zeroed(n: usize) -> Self {
                Self { $($field: vec![<$t>::default(); n],)* }
            }

            /// The rows in blocks of `size`, in order.
            fn blocks(&mut self, size: usize) -> Vec<Block<'_>> {
                $(let mut $field = self.$field.chunks_mut(size);)*
                let mut blocks = Vec::new();
                // Every column has as many rows, so as many chunks.
                while let ($(Some($field),)*) = ($($field.next(),)*) {
                    blocks.push(Block { $($field,)* });
                }
                blocks
            }
        }
    };
}

plain_columns! {
    rec: u32,
    person: u32,
    unit: u32,
    leaf: u32,
    category: i8,
    commune: bool,
    gov_level: i8,
    unit_type: i8,
    education: i8,
    political_theory: i8,
    state_management: i8,
    female: i8,
    age: i32,
    past_retirement: i8,
    party: i8,
}

impl Block<'_> {
    /// Row `i` of the block: posting `k` of `staff`, whose last day of
    /// service is `retire`. The row value is made here, where only the
    /// fields read are loaded (of their columns alone).
    #[inline(always)]
    fn set(
        &mut self,
        i: usize,
        (k, staff): (usize, &Staff),
        (h, as_of, retire): (&Hierarchy, NaiveDate, Option<NaiveDate>),
    ) {
        let r = staff.row(k);
        let leaf = h.leaf[r.unit as usize];
        self.rec[i] = u32::try_from(k).unwrap_or(u32::MAX);
        self.person[i] = r.person;
        self.unit[i] = r.unit;
        self.leaf[i] = u32::try_from(leaf).unwrap_or(u32::MAX);
        self.category[i] = rank(Some(r.category), &Category::ALL);
        self.commune[i] = r.commune;
        self.gov_level[i] = rank(r.gov_level, &GovLevel::ALL);
        self.unit_type[i] = rank(h.nodes[leaf].unit_type, &UNIT_TYPES);
        self.education[i] = rank(r.education, &EDU);
        self.political_theory[i] = rank(r.political_theory, &LLCT);
        self.state_management[i] = rank(r.state_management, &QLNN);
        self.female[i] = i8_of(r.gender.map(|g| g == Gender::Female));
        self.age[i] = r.birth.map_or(-1, |b| dates::years_between(b.date, as_of));
        let given = (r.gender, r.retirement_date, r.birth);
        self.past_retirement[i] = i8_of(past_retirement(given, retire, as_of));
        self.party[i] = i8_of(r.party_member);
    }
}

/// The columns read from texts: titles as the class of their folded text
/// (a row without a title in class 0, of ""), leadership by class, grade
/// class and hạng per (code, name) pair, ethnicity, IT and languages per
/// text, each distinct text or pair read once; and each person's postings.
struct TextColumns {
    titles: TitleKeys,
    /// Records per person (up to 255).
    postings: Vec<u8>,
    title: Vec<u32>,
    leader: Vec<i8>,
    grade_rank: Vec<i8>,
    title_class: Vec<i8>,
    minority: Vec<i8>,
    it: Vec<i8>,
    english: Vec<i8>,
    other_language: Vec<i8>,
}

/// Readings of one text attribute, by the dense text id: a table rather
/// than a hash map (0.59 against 0.68 s with SipHash maps, when each
/// attribute took a sweep of its own).
struct PerText<T>(Vec<Option<T>>);

impl<T: Copy> PerText<T> {
    fn new(roster: &Roster) -> Self {
        Self(vec![None; roster.texts.len() + 1])
    }

    fn get(
        &mut self,
        roster: &Roster,
        t: Option<Text>,
        mut read: impl FnMut(&str) -> T,
    ) -> Option<T> {
        let t = t?;
        Some(*self.0[t.index()].get_or_insert_with(|| read(roster.texts.get(t))))
    }
}

impl TextColumns {
    fn read(roster: &Roster) -> Self {
        let n = roster.staff.len();
        let mut titles = TitleKeys::from([(String::new(), 0)]);
        let mut title_of = PerText::new(roster);
        let mut minority_of = PerText::new(roster);
        let mut it_of = PerText::new(roster);
        let mut languages_of = PerText::new(roster);
        let mut grade_of: hashbrown::HashMap<(Option<Text>, Option<Text>), (i8, i8)> =
            hashbrown::HashMap::new();
        let mut c = Self {
            titles: TitleKeys::new(),
            postings: vec![0; roster.people],
            title: Vec::with_capacity(n),
            leader: Vec::new(),
            grade_rank: Vec::with_capacity(n),
            title_class: Vec::with_capacity(n),
            minority: Vec::with_capacity(n),
            it: Vec::with_capacity(n),
            english: Vec::with_capacity(n),
            other_language: Vec::with_capacity(n),
        };
        for x in roster.staff.rows() {
            // Person ids are below `roster.people`; a roster built
            // otherwise grows the count rather than miss a person.
            let p = x.person as usize;
            if p >= c.postings.len() {
                c.postings.resize(p + 1, 0);
            }
            c.postings[p] = c.postings[p].saturating_add(1);
            let title = title_of.get(roster, x.title, |s| {
                let next = u32::try_from(titles.len()).unwrap_or(u32::MAX);
                *titles.entry(fold(s)).or_insert(next)
            });
            c.title.push(title.unwrap_or(0));
            let (class, hang) = *grade_of
                .entry((x.grade_code, x.grade))
                .or_insert_with(|| grade_class(roster, (x.grade_code, x.grade)));
            c.grade_rank.push(class);
            c.title_class.push(hang);
            let minority = minority_of.get(roster, x.ethnicity, |s| i8_of(skills::is_minority(s)));
            c.minority.push(minority.unwrap_or(-1));
            let it = it_of.get(roster, x.it_skill, |s| {
                skills::it_level(s).map_or(-1, skills::SkillLevel::rank)
            });
            c.it.push(it.unwrap_or(-1));
            let (en, other) = languages_of
                .get(roster, x.foreign_language, language_ranks)
                .unwrap_or((-1, -1));
            c.english.push(en);
            c.other_language.push(other);
        }
        // A leader's title, per title class, then per record.
        let mut leader_class = vec![0i8; titles.len()];
        for (t, &k) in &titles {
            if let Some(l) = leader_class.get_mut(k as usize) {
                *l = i8::from(skills::is_leader_title(t));
            }
        }
        c.leader = c
            .title
            .iter()
            .map(|&k| leader_class.get(k as usize).copied().unwrap_or(0))
            .collect();
        c.titles = titles;
        c
    }
}

/// A record's grade class and hạng (-1 unknown).
fn grade_class(roster: &Roster, (code, name): (Option<Text>, Option<Text>)) -> (i8, i8) {
    let (code, name) = (roster.texts.opt(code), roster.texts.opt(name));
    let class = grades::rank(code, name);
    let hang = name.and_then(skills::title_class);
    (
        rank(class, &grades::Rank::ALL),
        hang.map_or(-1, |h| i8::try_from(h).unwrap_or(-1)),
    )
}

/// The English and other-language ranks a language text gives.
fn language_ranks(s: &str) -> (i8, i8) {
    match skills::language_levels(s) {
        Some((en, other)) => (
            en.map_or(-1, skills::SkillLevel::rank),
            other.map_or(-1, skills::SkillLevel::rank),
        ),
        None => (-1, -1),
    }
}

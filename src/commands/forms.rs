//! `nhanluc forms`: the annual statistical forms, filled from the rosters.

use std::path::PathBuf;

use crate::cli::FormsArgs;
use crate::config::InputConfig;
use crate::error::{Error, Result};
use crate::forms::{self, sheet::SheetInput};
use crate::labels::Lang;
use crate::output;
use crate::units::Hierarchy;

/// Runs the command; returns the exit code.
pub fn run(args: &FormsArgs, lang: Lang, quiet: bool) -> Result<u8> {
    let cfg = InputConfig::from_args(&args.input)?;
    let listing = crate::ingest::list_files(&cfg.paths)?;
    // Form files are read (and their errors reported) before the rosters.
    let selected = forms::select(&args.forms, &args.form_files)?;
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("reports").join(format!("bieu-mau_{}.xlsx", cfg.as_of)));
    output::require_xlsx(&out, "the forms workbook")?;
    // Last year's rosters and the unit map, when the movement is asked for.
    let previous = Previous::open(args)?;
    refuse_overwrite(args, &cfg, &listing, previous.as_ref(), &out)?;
    let Read {
        loaded,
        cfg,
        hierarchy,
        movement,
        issues,
    } = load_and_compare(args, cfg, &listing, previous.as_ref(), lang, quiet)?;
    let retire = crate::projection::retirement_dates(
        &loaded.roster,
        &crate::policy::ProjectionSettings::default(),
    );
    let staff = crate::staff::build(&loaded.roster, &hierarchy, cfg.as_of, &retire)
        .map_err(|e| crate::staff::polars_error("the staff table", &e))?;
    crate::progress::timings::stage("staff table");
    crate::progress::now("forms");
    let mut filled = Vec::with_capacity(selected.len());
    let set_aside = loaded.totals().set_aside as u64;
    for form in &selected {
        let table = forms::fill(form, &staff, &hierarchy, (cfg.as_of, lang), set_aside)?;
        filled.push(table);
    }
    crate::progress::timings::stage("forms");
    let structure = crate::structure::count(&staff)
        .map_err(|e| crate::staff::polars_error("the structure counts", &e))?;
    crate::progress::timings::stage("structure");
    crate::progress::now("write");
    let input = SheetInput {
        lang,
        as_of: cfg.as_of,
        reporting_unit: args.reporting_unit.as_deref(),
        roster: &loaded.roster,
        hierarchy: &hierarchy,
    };
    write_workbook(
        &out,
        (&selected, &filled),
        &input,
        &structure,
        movement.as_ref(),
        &issues,
    )?;
    if let Some(path) = &args.json {
        write_json(
            path,
            (&selected, &filled),
            &input,
            &structure,
            movement.as_ref(),
        )?;
    }
    crate::progress::timings::stage("write");
    let text = summary(
        &selected,
        &filled,
        movement.as_ref(),
        &loaded.roster,
        &out,
        lang,
    );
    output::print(&text)?;
    Ok(0)
}

/// The forms workbook: a sheet per form, the structure, the movement when
/// asked for, the data issues; saved (temporary file, then renamed).
fn write_workbook(
    out: &std::path::Path,
    (selected, filled): (&[forms::Form], &[forms::FormTable]),
    input: &SheetInput<'_>,
    structure: &crate::structure::Structure,
    movement: Option<&crate::movement::Movement>,
    issues: &[crate::issues::DataIssue],
) -> Result<()> {
    let x = |e| output::write_error(out, e);
    let lang = input.lang;
    let mut wb = output::own_workbook(Some(input.as_of), None);
    let lists = forms::sheet::lists(&mut wb);
    // The rows set aside and every inference, as the report lists them:
    // written on a thread of their own while the forms are, added last.
    let mut listed = output::IssueSheets::new(&mut wb, lang, issues.len()).map_err(x)?;
    listed
        .fill_while(lang, issues, &lists, || {
            form_sheets(
                &mut wb,
                (selected, filled),
                input,
                structure,
                movement,
                &lists,
            )
        })
        .map_err(x)?;
    listed.add_to(&mut wb);
    // Each form is a document of its own: its pages are numbered from 1,
    // also when the whole workbook is printed at once.
    for ws in wb.worksheets_mut() {
        ws.set_print_first_page_number(1);
    }
    output::save(
        &mut wb,
        out,
        output::Finish {
            document: false,
            lists: lists.into_rows(),
        },
    )
}

/// A sheet per form, the structure, the movement when asked for.
fn form_sheets(
    wb: &mut rust_xlsxwriter::Workbook,
    (selected, filled): (&[forms::Form], &[forms::FormTable]),
    input: &SheetInput<'_>,
    structure: &crate::structure::Structure,
    movement: Option<&crate::movement::Movement>,
    lists: &output::Lists,
) -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
    for ws in forms::sheet::sheets(wb, selected, filled, input, lists)? {
        wb.push_worksheet(ws);
    }
    crate::structure::sheet::write(wb.add_worksheet(), structure, input.lang, input.as_of)?;
    if let Some(m) = movement {
        crate::movement::sheet::write_table(wb.add_worksheet(), m, input, lists)?;
        crate::movement::sheet::write_list(wb.add_worksheet(), m, input.lang)?;
    }
    Ok(())
}

/// Writes the JSON: the forms, the structure and the movement.
fn write_json(
    path: &std::path::Path,
    (selected, filled): (&[forms::Form], &[forms::FormTable]),
    input: &SheetInput<'_>,
    structure: &crate::structure::Structure,
    movement: Option<&crate::movement::Movement>,
) -> Result<()> {
    let doc = forms::json::document(
        selected,
        filled,
        input,
        serde_json::to_value(structure).unwrap_or_default(),
        movement.map(crate::movement::Movement::json),
    );
    // Written as it is made (the national lists are never held whole).
    output::save_json(path, &doc)
}

/// Refuses an output path that is one of the inputs (this year's rosters,
/// last year's, the unit map, the units, form and column-names files), then
/// a `--json` path that is not `.json` ([`output::require_json`]).
fn refuse_overwrite(
    args: &FormsArgs,
    cfg: &InputConfig,
    listing: &crate::ingest::Listing,
    previous: Option<&Previous>,
    out: &std::path::Path,
) -> Result<()> {
    let mut inputs = cfg.input_files(listing);
    if let Some(p) = previous {
        inputs.extend(
            p.listing
                .files
                .iter()
                .map(|f| (f.as_path(), "previous roster")),
        );
        inputs.extend(args.unit_map.as_deref().map(|p| (p, "unit-mapping file")));
    }
    inputs.extend(args.units.as_deref().map(|p| (p, "units file")));
    inputs.extend(args.form_files.iter().map(|p| (p.as_path(), "form file")));
    let mut outputs = vec![("--output", out)];
    outputs.extend(args.json.as_deref().map(|p| ("--json", p)));
    output::refuse_overwrite(&inputs, &outputs)?;
    args.json.as_deref().map_or(Ok(()), output::require_json)
}

/// This year's rosters, read; the hierarchy; the movement when asked for;
/// every data issue. With `--redact` and the movement, this year's rosters
/// are read in full and redacted once last year's people are matched with
/// them.
fn load_and_compare(
    args: &FormsArgs,
    mut cfg: InputConfig,
    listing: &crate::ingest::Listing,
    previous: Option<&Previous>,
    lang: Lang,
    quiet: bool,
) -> Result<Read> {
    let redact = cfg.redact;
    cfg.redact = redact && previous.is_none();
    let mut loaded = crate::load(&cfg, listing, quiet)?;
    crate::progress::now("units");
    let mut unit_issues = Vec::new();
    let hierarchy = Hierarchy::build(&loaded.roster, args.units.as_deref(), &mut unit_issues)?;
    let mut previous_issues = Vec::new();
    let movement = match previous {
        Some(p) => {
            crate::progress::now("movement");
            let mut m = p.compare(
                (&cfg, &args.input),
                &loaded.roster,
                &hierarchy,
                &mut previous_issues,
                lang,
                quiet,
            )?;
            if redact {
                crate::normalize::redact(&mut loaded);
                loaded.redacted = true;
                m.redact();
            }
            crate::progress::timings::stage("movement");
            Some(m)
        }
        None => None,
    };
    let mut issues = std::mem::take(&mut loaded.issues);
    issues.append(&mut unit_issues);
    issues.append(&mut previous_issues);
    Ok(Read {
        loaded,
        cfg,
        hierarchy,
        movement,
        issues,
    })
}

/// This year's rosters as read, and what comes of them before the forms.
struct Read {
    loaded: crate::roster::Loaded,
    cfg: InputConfig,
    hierarchy: Hierarchy,
    movement: Option<crate::movement::Movement>,
    issues: Vec<crate::issues::DataIssue>,
}

/// The terminal text: a line per form, the movement, people in no category,
/// where the workbook is.
fn summary(
    selected: &[forms::Form],
    filled: &[forms::FormTable],
    movement: Option<&crate::movement::Movement>,
    roster: &crate::roster::Roster,
    out: &std::path::Path,
    lang: Lang,
) -> String {
    let mut text = String::new();
    for (form, table) in selected.iter().zip(filled) {
        text.push_str(&forms::summary_line(form, table, lang));
        text.push('\n');
    }
    if let Some(m) = movement {
        let (opening, closing) = m.totals();
        text.push_str(&crate::labels::movement_summary(
            lang,
            opening,
            closing,
            m.changes.len(),
            m.table.mismatches.len(),
        ));
        text.push('\n');
    }
    // People no column, heading or title gave a category are on no form.
    let unknown = roster.category_unknown();
    if unknown > 0 {
        text.push_str(&crate::labels::category_unknown_note(lang, unknown));
        text.push('\n');
    }
    text.push_str(&format!(
        "{} {}\n",
        crate::labels::get(lang).report_written,
        out.display()
    ));
    text
}

/// Last year's rosters, listed, with the unit map read.
struct Previous {
    listing: crate::ingest::Listing,
    paths: Vec<PathBuf>,
    as_of: Option<String>,
    map: Option<crate::movement::map::UnitMap>,
}

impl Previous {
    /// Lists last year's rosters and reads the unit map; `None` without
    /// `--previous`.
    fn open(args: &FormsArgs) -> Result<Option<Self>> {
        if args.previous.is_empty() {
            return Ok(None);
        }
        let listing = crate::ingest::list_files(&args.previous)?;
        let map = args
            .unit_map
            .as_deref()
            .map(crate::movement::map::UnitMap::load)
            .transpose()?;
        Ok(Some(Self {
            listing,
            paths: args.previous.clone(),
            as_of: args.previous_as_of.clone(),
            map,
        }))
    }

    /// Reads last year's rosters (their data issues join this year's) and
    /// compares them with this year's.
    fn compare(
        &self,
        (cfg, input): (&InputConfig, &crate::cli::InputArgs),
        current: &crate::roster::Roster,
        hierarchy: &Hierarchy,
        issues: &mut Vec<crate::issues::DataIssue>,
        lang: Lang,
        quiet: bool,
    ) -> Result<crate::movement::Movement> {
        let as_of = match &self.as_of {
            Some(d) => crate::config::parse_as_of(d)?,
            None => crate::movement::year_before(cfg.as_of),
        };
        if as_of >= cfg.as_of {
            return Err(Error::Usage(format!(
                "--previous-as-of {as_of} is not before --as-of {}; last year's rosters must be as of an earlier date",
                cfg.as_of
            )));
        }
        let prev_cfg = InputConfig::from_args(&crate::cli::InputArgs {
            paths: self.paths.clone(),
            sheet: input.sheet.clone(),
            columns: input.columns.clone(),
            commune_titles: input.commune_titles.clone(),
            as_of: Some(as_of.to_string()),
            redact: false,
        })?;
        // Read in full for the matching; its data issues redacted after.
        let mut loaded = crate::load(&prev_cfg, &self.listing, quiet)?;
        let movement = crate::movement::compare(&crate::movement::Inputs {
            previous: &loaded.roster,
            current,
            hierarchy,
            map: self.map.as_ref(),
            previous_as_of: as_of,
            as_of: cfg.as_of,
            lang,
        })?;
        if input.redact {
            crate::normalize::redact(&mut loaded);
        }
        issues.append(&mut loaded.issues);
        Ok(movement)
    }
}

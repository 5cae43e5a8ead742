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
    let mut inputs = cfg.input_files(&listing);
    inputs.extend(args.units.as_deref().map(|p| (p, "units file")));
    inputs.extend(args.form_files.iter().map(|p| (p.as_path(), "form file")));
    inputs.extend(
        args.input
            .columns
            .as_deref()
            .map(|p| (p, "column-names file")),
    );
    let mut outputs = vec![("--output", out.as_path())];
    outputs.extend(args.json.as_deref().map(|p| ("--json", p)));
    output::refuse_overwrite(&inputs, &outputs)?;
    let mut loaded = crate::load(&cfg, &listing, quiet)?;
    crate::progress::now("units");
    let mut issues = std::mem::take(&mut loaded.issues);
    let hierarchy = Hierarchy::build(&loaded.roster, args.units.as_deref(), &mut issues)?;
    let retire = crate::projection::retirement_dates(
        &loaded.roster,
        &crate::policy::ProjectionSettings::default(),
    );
    let staff = crate::staff::build(&loaded.roster, &hierarchy, cfg.as_of, &retire)
        .map_err(|e| crate::staff::polars_error("the staff table", &e))?;
    crate::progress::timings::stage("staff table");
    crate::progress::now("forms");
    let mut filled = Vec::with_capacity(selected.len());
    for form in &selected {
        let table = forms::fill(form, &staff, &loaded.roster, &hierarchy, cfg.as_of)?;
        filled.push(table);
    }
    crate::progress::timings::stage("forms");
    crate::progress::now("write");
    let input = SheetInput {
        lang,
        as_of: cfg.as_of,
        reporting_unit: args.reporting_unit.as_deref(),
    };
    let mut wb = output::own_workbook(Some(cfg.as_of), None);
    for (form, table) in selected.iter().zip(&filled) {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&form.code))
            .and_then(|ws| forms::sheet::write(ws, form, table, &input).map(|()| ws))
            .map_err(|e| output::write_error(&out, e))?;
    }
    // The rows set aside and every inference, as the report lists them.
    output::add_issues_sheets(&mut wb, lang, &issues).map_err(|e| output::write_error(&out, e))?;
    output::save_workbook(&mut wb, &out)?;
    if let Some(path) = &args.json {
        let json = forms::json(&selected, &filled, &input);
        let text = serde_json::to_string_pretty(&json).map_err(|e| Error::Usage(e.to_string()))?;
        output::save_text(path, &text)?;
    }
    crate::progress::timings::stage("write");
    let mut text = String::new();
    for (form, table) in selected.iter().zip(&filled) {
        text.push_str(&forms::summary_line(form, table, lang));
        text.push('\n');
    }
    // People no column, heading or title gave a category are on no form.
    let unknown = loaded.roster.category_unknown();
    if unknown > 0 {
        text.push_str(&crate::labels::category_unknown_note(lang, unknown));
        text.push('\n');
    }
    text.push_str(&format!(
        "{} {}\n",
        crate::labels::get(lang).report_written,
        out.display()
    ));
    output::print(&text)?;
    Ok(0)
}

/// A sheet name from a form code: Excel forbids `/` in names.
fn sheet_name(code: &str) -> String {
    code.replace(['/', '\\', '?', '*', '[', ']', ':'], "-")
        .chars()
        .take(31)
        .collect()
}

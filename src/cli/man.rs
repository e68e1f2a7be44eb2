//! `versus man`: clap's title, name, synopsis, description and options, then the sections clap cannot
//! write: the commands (on this page, not on pages of their own that do not exist), the explorer's keys
//! from the keymap, the files, the environment and the exit status.

use std::fmt::Write as _;

use clap::CommandFactory;

use super::args::Cli;
use crate::engine::profiles::FILE_NAME as PROFILES_FILE;
use crate::explorer::keymap::Keymap;

/// The manual page, in roff.
///
/// # Errors
/// Only if clap cannot render its part.
pub(super) fn page() -> std::io::Result<String> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut page = String::from_utf8_lossy(&out).into_owned();
    page.push_str(&commands(&command));
    page.push_str(&keys());
    page.push_str(&FILES_ENVIRONMENT_EXIT.replace("PROFILES", PROFILES_FILE));
    let mut version = Vec::new();
    man.render_version_section(&mut version)?;
    page.push_str(&String::from_utf8_lossy(&version));
    Ok(page)
}

/// Text for a roff paragraph: backslashes and hyphens escaped, a leading control character defused.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) { format!("\\&{escaped}") } else { escaped }
}

fn commands(command: &clap::Command) -> String {
    let mut out = String::from(".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        let _ = write!(out, ".TP\n\\fBversus {}\\fR\n{}\n", roff(sub.get_name()), roff(&about));
        // `versus profile save` and the others: each its own entry.
        for action in sub.get_subcommands().filter(|s| s.get_name() != "help") {
            let about = action.get_about().map(ToString::to_string).unwrap_or_default();
            let name = format!("{} {}", sub.get_name(), action.get_name());
            let _ = write!(out, ".TP\n\\fBversus {}\\fR\n{}\n", roff(&name), roff(&about));
        }
    }
    out.push_str(".PP\n`versus COMMAND \\-\\-help` gives each command's options.\n");
    out
}

/// The explorer's keys as help shows them, from the same keymap (the defaults; a config may rebind).
fn keys() -> String {
    let mut out = String::from(".SH KEYS\nThe explorer's default keys, by view (config.toml can rebind them):\n");
    for (context, rows) in Keymap::default().help_sections() {
        let _ = writeln!(out, ".SS {}", roff(context.title()));
        for (keys, label) in rows {
            let _ = write!(out, ".TP\n\\fB{}\\fR\n{}\n", roff(&keys), roff(&label));
        }
    }
    out
}

const FILES_ENVIRONMENT_EXIT: &str = concat!(
    ".SH FILES\n",
    ".TP\n\\fI$CONFIG/config.toml\\fR\nSettings: theme, colours, mouse, confirm\\-quit, a default dataset, key bindings ",
    "(\\fBversus config default\\fR prints every one at its default).\n",
    ".TP\n\\fI$CONFIG/PROFILES\\fR\nSaved weight profiles, per dataset.\n",
    ".TP\n\\fIdecisions/*.toml\\fR (any name)\nWeight files: one person's weights for one dataset, written by \\fBversus profile export\\fR and \
     read by \\fB\\-\\-team\\fR and \\fBversus profile import\\fR (see the README's \\(lqDecide as a team\\(rq).\n",
    ".TP\n\\fI$CACHE/\\fR\nChecked copies of large dataset files, so that later runs need not parse them again; safe to delete.\n",
    ".PP\n$CONFIG is \\fB$VERSUS_CONFIG_DIR\\fR, else \\fB$XDG_CONFIG_HOME/versus\\fR, else \\fB~/.config/versus\\fR; ",
    "$CACHE is \\fB$VERSUS_CACHE_DIR\\fR, else \\fB$XDG_CACHE_HOME/versus\\fR, else \\fB~/.cache/versus\\fR. ",
    "\\fBversus config path\\fR shows both and what was loaded.\n",
    ".SH ENVIRONMENT\n",
    ".TP\n\\fBVERSUS_CONFIG_DIR\\fR, \\fBXDG_CONFIG_HOME\\fR, \\fBVERSUS_CACHE_DIR\\fR, \\fBXDG_CACHE_HOME\\fR, \\fBHOME\\fR\nWhere the files above are.\n",
    ".TP\n\\fBNO_COLOR\\fR\nSet and not empty: the explorer draws without colour (as \\fB\\-\\-no\\-color\\fR).\n",
    ".TP\n\\fBBROWSER\\fR\nThe browser \\fBo\\fR opens a source in; else the system's opener. Without \\fBDISPLAY\\fR or ",
    "\\fBWAYLAND_DISPLAY\\fR on Linux, versus does not open one.\n",
    ".SH EXIT STATUS\n",
    ".TP\n0\nSuccess.\n",
    ".TP\n1\nBad input (a dataset, weight, preset or profile problem, named with file, line and column), ",
    "a file that could not be written, or a search that found nothing.\n",
    ".TP\n2\nA command\\-line usage error.\n",
    ".TP\n128+N\nThe explorer ended by signal N, with the terminal restored.\n",
);

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_has_its_sections_and_names_no_page_that_does_not_exist() {
        let page = super::page().unwrap();
        for section in ["NAME", "SYNOPSIS", "OPTIONS", "COMMANDS", "KEYS", "FILES", "ENVIRONMENT", "EXIT STATUS"] {
            assert!(page.contains(&format!(".SH {section}\n")), "{section}");
        }
        assert!(!page.contains("versus\\-report(1)"), "no separate pages are referred to");
        assert!(page.contains("\\fBversus report\\fR"));
        assert!(page.contains(".SS Main view") && page.contains("weight up"), "keys from the keymap");
        assert!(page.contains(&format!("$CONFIG/{}", super::PROFILES_FILE)));
        assert!(page.contains(".SH VERSION"));
    }
}

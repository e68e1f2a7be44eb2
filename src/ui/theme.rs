//! Named styles. Colours are the terminal's named ANSI colours, so they follow the user's palette; with
//! colour off (`NO_COLOR`, `--no-color`) every style keeps its bold, reverse or underline and loses its
//! colour, and symbols carry the meaning colour would.

use ratatui::style::{Color, Modifier, Style};

use crate::data::Verdict;

/// Each option's colour, in dataset order (wrapping around for larger datasets).
const OPTION_COLOURS: [Color; 6] = [Color::Green, Color::Blue, Color::Magenta, Color::Red, Color::Cyan, Color::Yellow];
/// Each option's fill in gauges and rating bars, so options differ without colour too.
const OPTION_GLYPHS: [char; 4] = ['█', '▒', '▓', '░'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    #[must_use]
    pub fn new(color: bool) -> Self {
        Self { color }
    }

    fn fg(self, color: Color) -> Style {
        if self.color { Style::new().fg(color) } else { Style::new() }
    }

    /// An option's text: its colour, bold.
    #[must_use]
    pub fn option(self, option: usize) -> Style {
        self.fg(OPTION_COLOURS[option % OPTION_COLOURS.len()]).add_modifier(Modifier::BOLD)
    }

    #[must_use]
    pub fn option_glyph(option: usize) -> char {
        OPTION_GLYPHS[option % OPTION_GLYPHS.len()]
    }

    #[must_use]
    pub fn title_bar(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    #[must_use]
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    #[must_use]
    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    #[must_use]
    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    #[must_use]
    pub fn heading(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Matched characters of a search.
    #[must_use]
    pub fn highlight(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    #[must_use]
    pub fn slider(self) -> Style {
        self.fg(Color::Cyan)
    }

    /// The footer's key names.
    #[must_use]
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    #[must_use]
    pub fn close_call(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// A claim's verdict badge; the badge's text always names the verdict.
    #[must_use]
    pub fn verdict(self, verdict: Verdict) -> Style {
        let color = match verdict {
            Verdict::Accurate => Color::Green,
            Verdict::PartlyTrue => Color::Yellow,
            Verdict::Outdated => Color::Magenta,
            Verdict::Wrong => Color::Red,
            Verdict::Opinion => Color::Cyan,
        };
        self.fg(color).add_modifier(Modifier::BOLD)
    }
}

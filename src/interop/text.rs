//! Lists in free text, written so that they read back exactly.
//!
//! A block is a heading line ending in `:` and one line per item starting
//! `- `; a line break inside an item continues on a line indented by two
//! spaces. Blocks are separated by a blank line. Any other line is prose.

/// A heading and its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub(crate) heading: String,
    pub(crate) items: Vec<String>,
}

/// Free text split into blocks and lines of prose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub(crate) blocks: Vec<Block>,
    pub(crate) prose: Vec<String>,
}

impl Parsed {
    /// The items under `heading`, if the text has that heading.
    pub(crate) fn items(&self, heading: &str) -> Option<&[String]> {
        self.blocks
            .iter()
            .find(|b| b.heading == heading)
            .map(|b| b.items.as_slice())
    }
}

/// Writes `heading` and `items` as a block after any text already in `out`
/// (nothing when `items` is empty).
pub(crate) fn push_block<S: AsRef<str>>(out: &mut String, heading: &str, items: &[S]) {
    if items.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(heading);
    out.push(':');
    for item in items {
        out.push_str("\n- ");
        out.push_str(&item.as_ref().replace('\n', "\n  "));
    }
}

/// Reads text written by [`push_block`] (and prose from elsewhere).
pub(crate) fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    // Whether the last line read was an item (or its continuation).
    let mut in_item = false;
    for line in text.split('\n') {
        let block = parsed.blocks.last_mut();
        if let (Some(rest), Some(block)) = (line.strip_prefix("- "), block) {
            block.items.push(rest.to_owned());
            in_item = true;
        } else if let (Some(rest), true) = (line.strip_prefix("  "), in_item) {
            if let Some(last) = parsed.blocks.last_mut().and_then(|b| b.items.last_mut()) {
                last.push('\n');
                last.push_str(rest);
            }
        } else if let Some(heading) = line.strip_suffix(':').filter(|h| !h.trim().is_empty()) {
            parsed.blocks.push(Block {
                heading: heading.to_owned(),
                items: Vec::new(),
            });
            in_item = false;
        } else {
            in_item = false;
            if !line.trim().is_empty() {
                parsed.prose.push(line.to_owned());
            }
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_read_back_with_line_breaks_and_blank_items() {
        let mut out = String::new();
        push_block(&mut out, "Mine", &["one", "two\n  lines", ""]);
        push_block::<&str>(&mut out, "Empty", &[]);
        push_block(&mut out, "Other", &["- looks like an item", "ends:"]);
        let parsed = parse(&out);
        assert_eq!(
            parsed.items("Mine"),
            Some(&["one".to_owned(), "two\n  lines".to_owned(), String::new()][..])
        );
        assert_eq!(parsed.items("Empty"), None);
        assert_eq!(
            parsed.items("Other"),
            Some(&["- looks like an item".to_owned(), "ends:".to_owned()][..])
        );
        assert!(parsed.prose.is_empty());
    }

    #[test]
    fn prose_is_kept_apart() {
        let parsed = parse("I love my dog.\n\nFootball:\n- Thursdays");
        assert_eq!(parsed.prose, vec!["I love my dog.".to_owned()]);
        assert_eq!(
            parsed.items("Football"),
            Some(&["Thursdays".to_owned()][..])
        );
    }
}

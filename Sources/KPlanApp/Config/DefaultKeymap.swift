import TermUI

/// The default keys (DESIGN §4). Users override them in `$XDG_CONFIG_HOME/kplan/keys.json`;
/// the help screen is generated from this table.
public enum DefaultKeymap {
    static let table: [(String, [String], String)] = [
        ("quit", ["q"], "global"), ("save", ["C-s"], "global"), ("undo", ["u"], "global"), ("redo", ["C-r"], "global"),
        ("help", ["?"], "global"), ("command", [":"], "global"), ("search", ["/"], "global"), ("suspend", ["C-z"], "global"),
        ("screen-1", ["1"], "screens"), ("screen-2", ["2"], "screens"), ("screen-3", ["3"], "screens"), ("screen-4", ["4"], "screens"),
        ("screen-5", ["5"], "screens"), ("screen-6", ["6"], "screens"), ("screen-7", ["7"], "screens"), ("screen-8", ["8"], "screens"),
        ("screen-9", ["9", "v"], "screens"),
        ("up", ["Up", "k"], "move"), ("down", ["Down", "j"], "move"), ("left", ["Left", "h"], "move"), ("right", ["Right", "l"], "move"),
        ("page-up", ["PgUp", "C-b"], "move"), ("page-down", ["PgDn", "C-f"], "move"), ("first", ["Home", "g"], "move"),
        ("last", ["End", "G"], "move"), ("next-pane", ["Tab"], "move"), ("prev-pane", ["S-Tab"], "move"),
        ("next-section", ["]"], "move"), ("prev-section", ["["], "move"),
        ("edit", ["Enter", "e"], "edit"), ("add", ["a"], "edit"), ("delete", ["d"], "edit"), ("cancel", ["Esc"], "edit"),
        ("waive", ["w"], "edit"), ("yank", ["y"], "edit"),
    ]

    public static func make() -> Keymap {
        Keymap(table.map { Keymap.Binding(action: $0.0, keys: $0.1.compactMap(Key.init(name:)), group: $0.2) })
    }
}

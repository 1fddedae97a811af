/// Shell completion written from the command specs: command names, each command's options,
/// an option's choices, and file names elsewhere. Same flag as before the reader was
/// replaced, so installed completions keep working: `kplan --generate-completion-script bash`.
enum CompletionScript {
    static let shells = ["bash", "zsh", "fish"]

    static func script(for shell: String, commands: [CommandSpec]) -> String? {
        let visible = commands.filter { !$0.hidden }
        switch shell {
        case "bash": return bash(visible)
        // zsh runs the bash function through its own compatibility layer.
        case "zsh": return "autoload -U +X bashcompinit && bashcompinit\n" + bash(visible)
        case "fish": return fish(visible)
        default: return nil
        }
    }

    static func words(_ spec: CommandSpec) -> String {
        (spec.options.map { "--" + $0.name } + ["--help"]).joined(separator: " ")
    }

    static func bash(_ commands: [CommandSpec]) -> String {
        var out = """
        _kplan() {
            local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd=${COMP_WORDS[1]}
            if [ "$COMP_CWORD" -eq 1 ]; then
                COMPREPLY=($(compgen -W "\(commands.map(\.name).joined(separator: " ")) --help" -- "$cur") $(compgen -f -- "$cur"))
                return
            fi
            case "$cmd:$prev" in

        """
        for c in commands {
            for o in c.options where !o.choices.isEmpty {
                out += "        \(c.name):--\(o.name)) COMPREPLY=($(compgen -W \"\(o.choices.joined(separator: " "))\" -- \"$cur\")); return ;;\n"
            }
        }
        out += "    esac\n    case \"$cmd\" in\n"
        for c in commands {
            out += "        \(c.name)) COMPREPLY=($(compgen -W \"\(words(c))\" -- \"$cur\") $(compgen -f -- \"$cur\")) ;;\n"
        }
        return out + "    esac\n}\ncomplete -o filenames -F _kplan kplan\n"
    }

    static func fish(_ commands: [CommandSpec]) -> String {
        var out = "complete -c kplan -f\n"
        for c in commands {
            out += "complete -c kplan -n __fish_use_subcommand -a \(c.name) -d '\(quoted(c.abstract))'\n"
            out += "complete -c kplan -n '__fish_seen_subcommand_from \(c.name)' -F\n"
            for o in c.options {
                let choices = o.choices.isEmpty ? (o.value == nil ? "" : " -r -F") : " -x -a '\(o.choices.joined(separator: " "))'"
                out += "complete -c kplan -n '__fish_seen_subcommand_from \(c.name)' -l \(o.name)\(choices) -d '\(quoted(o.help))'\n"
            }
        }
        return out
    }

    static func quoted(_ s: String) -> String { s.replacing("\\", with: "\\\\").replacing("'", with: "\\'") }
}

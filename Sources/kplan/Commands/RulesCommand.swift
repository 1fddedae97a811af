import KPlanCore

struct RulesCommand: Command {
    static let spec = CommandSpec(name: "rules")

    init(_ a: ParsedArguments) {}

    func run() throws {
        for group in Rule.Group.allCases {
            let rules = Rules.all.filter { $0.group == group }
            guard !rules.isEmpty else { continue }
            Console.out("\n" + Text.get("rules.group.\(group.rawValue)") + "\n")
            for r in rules {
                Console.out("  \(Format.pad(r.id, 30)) \(Format.pad(r.severity.rawValue, 8)) \(r.description)\n")
                Console.out("  \(String(repeating: " ", count: 40))\(Text.get("rules.source")): \(r.source)\n")
            }
        }
    }
}

import Foundation
import KPlanCore
import TermUI

/// Reads theme files (`Themes/*.json`): roles with colours as names, 0–255 or `#rrggbb`,
/// attributes, and a `mono` table used when colours are off.
public enum ThemeLoader {
    static let names: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11, "bright-blue": 12,
        "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]
    static let root = ObjectSchema("tema", keys: ["format", "name", "roles", "mono"])
    static let style = ObjectSchema("stil", keys: ["fg", "bg", "attrs"], optional: ["fg", "bg", "attrs"])

    /// The folders searched for a theme by name: the current folder's Themes/, the user's
    /// config folder, and the source tree the binary was built from.
    public static var searchPaths: [String] {
        var paths = ["Themes"]
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CONFIG_HOME"] { paths.append(xdg + "/kplan/themes") } else if let home = env["HOME"] { paths.append(home + "/.config/kplan/themes") }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        paths.append(source.appendingPathComponent("Themes").path)
        return paths
    }

    /// A theme by name or path; errors come back as rendered diagnostics.
    public static func load(_ nameOrPath: String) -> Result<Theme, ThemeError> {
        let path: String
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") {
            path = nameOrPath
        } else if let found = searchPaths.map({ $0 + "/" + nameOrPath + ".json" }).first(where: { FileManager.default.fileExists(atPath: $0) }) {
            path = found
        } else {
            return .failure(ThemeError(message: Text.get("theme.not-found", nameOrPath, searchPaths.joined(separator: ", "))))
        }
        let bytes: [UInt8]
        do { bytes = try PlanStore.read(path) } catch { return .failure(ThemeError(message: error.description)) }
        let (theme, diagnostics) = decode(bytes)
        guard let theme, diagnostics.isEmpty else {
            let r = DiagnosticRenderer(fileName: path, bytes: bytes)
            return .failure(ThemeError(message: DiagnosticRenderer.sorted(diagnostics).map { r.render($0) }.joined()))
        }
        return .success(theme)
    }

    public static func decode(_ bytes: [UInt8]) -> (Theme?, [Diagnostic]) {
        let (doc, syntax) = JSONParser.parse(bytes)
        guard let doc else { return (nil, syntax) }
        var ctx = DecodeContext(document: doc)
        guard let f = ctx.fields(doc.root, root) else { return (nil, syntax + ctx.diagnostics) }
        let name = f[1].flatMap { n in ctx.at("name") { $0.string(n) } } ?? "tema"
        let roles = f[2].map { n in ctx.at("roles") { table(&$0, n) } } ?? [:]
        let mono = f[3].map { n in ctx.at("mono") { table(&$0, n) } } ?? [:]
        return (Theme(name: name, styles: roles, mono: mono), syntax + ctx.diagnostics)
    }

    static func table(_ ctx: inout DecodeContext, _ node: Int32) -> [String: Style] {
        guard ctx.expect(node, .object) else { return [:] }
        var result: [String: Style] = [:]
        for (k, child) in ctx.document.members(node) {
            let role = ctx.document.string(k)
            ctx.at(role) { ctx in
                guard let f = ctx.fields(child, style) else { return }
                var s = Style()
                if let n = f[0] { s.fg = ctx.at("fg") { color(&$0, n) } ?? .default }
                if let n = f[1] { s.bg = ctx.at("bg") { color(&$0, n) } ?? .default }
                if let n = f[2] {
                    let attrs = ctx.at("attrs") { $0.array(n) { $0.code($1, CodeList(Text.get("theme.attribute"), ["bold", "dim", "underline", "reverse"])) } }
                    for a in attrs {
                        switch a {
                        case "bold": s.attributes.insert(.bold)
                        case "dim": s.attributes.insert(.dim)
                        case "underline": s.attributes.insert(.underline)
                        default: s.attributes.insert(.reverse)
                        }
                    }
                }
                result[role] = s
            }
        }
        return result
    }

    static func color(_ ctx: inout DecodeContext, _ n: Int32) -> Color? {
        if ctx.document.node(n).kind == .number {
            guard let i = ctx.int(n) else { return nil }
            guard (0...255).contains(i) else { ctx.error("invalid-value", n, "theme.color-range", String(i)); return nil }
            return .indexed(UInt8(i))
        }
        guard let s = ctx.string(n) else { return nil }
        if s == "default" { return .default }
        if let i = names[s] { return .indexed(i) }
        if s.hasPrefix("#"), s.count == 7, let v = UInt32(s.dropFirst(), radix: 16) {
            return .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
        }
        ctx.checkCode(s, n, CodeList(Text.get("theme.color"), ["default"] + names.keys.sorted()))
        return nil
    }
}

public struct ThemeError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The user's key overrides: `{"save": ["C-s", "C-w"], "delete": []}` in
/// `$XDG_CONFIG_HOME/kplan/keys.json` (an empty list unbinds).
public enum KeymapLoader {
    public static var defaultPath: String? {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CONFIG_HOME"] { return xdg + "/kplan/keys.json" }
        return env["HOME"].map { $0 + "/.config/kplan/keys.json" }
    }

    /// The default keymap with the file's overrides; problems come back as messages.
    public static func load(_ path: String?) -> (Keymap, [String]) {
        var keymap = DefaultKeymap.make()
        guard let path, FileManager.default.fileExists(atPath: path) else { return (keymap, []) }
        let bytes: [UInt8]
        do { bytes = try PlanStore.read(path) } catch { return (keymap, [error.description]) }
        let (doc, syntax) = JSONParser.parse(bytes)
        let r = DiagnosticRenderer(fileName: path, bytes: bytes)
        guard let doc, syntax.isEmpty else { return (keymap, syntax.map { r.render($0, excerpt: false) }) }
        var ctx = DecodeContext(document: doc)
        var overrides: [String: [String]] = [:]
        if ctx.expect(doc.root, .object) {
            for (k, child) in doc.members(doc.root) {
                let action = doc.string(k)
                overrides[action] = ctx.at(action) { $0.array(child) { $0.string($1) } }
            }
        }
        let applied = keymap.apply(overrides)
        let problems = applied.unknown.map { Text.get("keys.unknown", path, $0) }
            + applied.taken.map { Text.get("keys.taken", path, $0.key, $0.action, $0.from) }
        return (keymap, ctx.diagnostics.map { r.render($0, excerpt: false) } + problems)
    }
}

/// Werkzeug's cookie header text: `dump_cookie`'s quoting and attributes, `parse_cookie`'s reading.
package enum CookieHeader {
    /// Bytes Werkzeug writes without quoting a cookie value.
    private static let legal: Set<UInt8> = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/=!#$%&'*+-.^_`|~:".utf8)

    /// A value as Werkzeug's `_cookie_quote` writes it: as is when every byte is legal, otherwise in
    /// double quotes with `,` `;` `"` `\` and non-printable bytes escaped.
    package static func quote(_ value: String) -> String {
        let bytes = Array(value.utf8)
        if bytes.allSatisfy(legal.contains) { return value }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in bytes {
            switch byte {
            case _ where legal.contains(byte): out.append(byte)
            case UInt8(ascii: "\""): out += Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): out += Array(#"\\"#.utf8)
            case UInt8(ascii: ","), UInt8(ascii: ";"), 0..<32, 127...255:
                out += [
                    // checked: octal digits of a byte, each below 8
                    UInt8(ascii: "\\"), UInt8(ascii: "0") + byte >> 6, UInt8(ascii: "0") + (byte >> 3) & 7, UInt8(ascii: "0") + byte & 7,
                ]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// A quoted value's text, as Werkzeug's `_cookie_unquote` reads it (`\\` escapes and `\\ooo` octal).
    package static func unquote(_ value: Substring) -> String {
        let bytes = Array(value.utf8)
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") else { return String(value) }
        let inner = bytes[1..<(bytes.count - 1)]
        func isOctal(_ index: Int, _ range: ClosedRange<UInt8>) -> Bool { index < inner.endIndex && range.contains(inner[index]) }
        var out: [UInt8] = []
        var index = inner.startIndex
        while index < inner.endIndex {
            let byte = inner[index]
            if byte == UInt8(ascii: "\\"), index + 1 < inner.endIndex {
                if isOctal(index + 1, 48...51), isOctal(index + 2, 48...55), isOctal(index + 3, 48...55) {
                    // checked: three octal digits, the first 0-3: below 256
                    out.append((inner[index + 1] - 48) << 6 | (inner[index + 2] - 48) << 3 | (inner[index + 3] - 48))
                    index += 4
                } else {
                    out.append(inner[index + 1])
                    index += 2
                }
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of a cookie in a `Cookie` request header; when the name repeats, the last wins,
    /// as in Werkzeug 0.16's `request.cookies`.
    package static func value(named name: String, in header: String) -> String? {
        var found: String?
        for pair in header.split(separator: ";") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let key = pair[..<equals].trimmingSpaces
            guard key == name else { continue }
            found = unquote(pair[pair.index(after: equals)...].trimmingSpaces)
        }
        return found
    }

    /// `Wdy, DD-Mon-YYYY HH:MM:SS GMT`, Werkzeug's `cookie_date`, or `nil` outside years 1...9999
    /// (where Python's `time.gmtime`/`strftime` fail too).
    package static func cookieDate(_ unixTime: Int64) -> String? {
        let days = Int(unixTime).floorDivide(86_400)  // checked: Int64 to Int is lossless on 64-bit
        let seconds = Int(unixTime).floorModulo(86_400)  // checked: as above
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let date = PythonDate(daysSinceUnixEpoch: days) else { return nil }
        return weekdays[days.floorModulo(7)] + ", " + zeroPadded(date.day, 2) + "-" + months[date.month - 1] + "-"
            + zeroPadded(date.year, 4) + " " + zeroPadded(seconds / 3600, 2) + ":" + zeroPadded(seconds / 60 % 60, 2) + ":"
            + zeroPadded(seconds % 60, 2) + " GMT"
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}

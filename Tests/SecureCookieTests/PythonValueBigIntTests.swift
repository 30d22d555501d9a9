import Testing

@testable import SecureCookie

/// `PythonBigInt` against CPython 3.11: `pickle.encode_long(n)`, `int(x)` of doubles, `str(n)`.
@Suite struct PythonValueBigIntTests {
    /// `(n, list(pickle.encode_long(n)))`, computed with `/tmp/venv/bin/python`.
    static let encodeLong: [(String, [UInt8])] = [
        ("0", []), ("1", [1]), ("-1", [255]), ("127", [127]), ("128", [128, 0]), ("255", [255, 0]), ("256", [0, 1]),
        ("-128", [128]), ("-129", [127, 255]), ("-256", [0, 255]), ("-257", [255, 254]), ("32767", [255, 127]),
        ("32768", [0, 128, 0]), ("-32768", [0, 128]), ("-32769", [255, 127, 255]),
        ("2147483647", [255, 255, 255, 127]), ("2147483648", [0, 0, 0, 128, 0]), ("-2147483648", [0, 0, 0, 128]),
        ("-2147483649", [255, 255, 255, 127, 255]),
        ("9223372036854775807", [255, 255, 255, 255, 255, 255, 255, 127]),
        ("9223372036854775808", [0, 0, 0, 0, 0, 0, 0, 128, 0]),
        ("-9223372036854775808", [0, 0, 0, 0, 0, 0, 0, 128]),
        ("-9223372036854775809", [255, 255, 255, 255, 255, 255, 255, 127, 255]),
        ("18446744073709551616", [0, 0, 0, 0, 0, 0, 0, 0, 1]),
        ("-18446744073709551616", [0, 0, 0, 0, 0, 0, 0, 0, 255]),
        ("18446744073709551615", [255, 255, 255, 255, 255, 255, 255, 255, 0]),
        ("100000000000000000000", [0, 0, 16, 99, 45, 94, 199, 107, 5]),
        ("-100000000000000000000", [0, 0, 240, 156, 210, 161, 56, 148, 250]),
        ("1267650600228229401496703205376", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16]),
        ("-1267650600228229401496703205376", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 240]),
        ("170141183460469231731687303715884105728", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 0]),
        ("-170141183460469231731687303715884105728", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128]),
        (
            "-170141183460469231731687303715884105729",
            [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 127, 255]
        ),
        ("12345678901234567890123456789", [21, 129, 57, 110, 177, 201, 190, 70, 50, 27, 228, 39]),
    ]

    @Test(arguments: encodeLong)
    func twosComplementMatchesPickleEncodeLong(decimal: String, bytes: [UInt8]) throws {
        let value = try #require(PythonBigInt(decimal: decimal))
        #expect(value.twosComplementLittleEndian == bytes)
        #expect(PythonBigInt(twosComplementLittleEndian: bytes) == value)
        #expect(value.description == decimal)
    }

    /// `(n, pickle.encode_long(n).hex())` for random and boundary values of 7 to 1000 bits:
    /// `random.seed(20261127)`, then for each width `±random.getrandbits(bits)`, `-(1 << bits)`, `(1 << bits) - 1`.
    static let encodeLongHex: [(String, String)] = [
        ("4", "04"),
        ("-75", "b5"),
        ("-128", "80"),
        ("127", "7f"),
        ("66", "42"),
        ("-209", "2fff"),
        ("-256", "00ff"),
        ("255", "ff00"),
        ("154", "9a00"),
        ("-277", "ebfe"),
        ("-512", "00fe"),
        ("511", "ff01"),
        ("27455", "3f6b"),
        ("-4821", "2bed"),
        ("-32768", "0080"),
        ("32767", "ff7f"),
        ("10940", "bc2a"),
        ("-18599", "59b7"),
        ("-65536", "0000ff"),
        ("65535", "ffff00"),
        ("51587", "83c900"),
        ("-31094", "8a86"),
        ("-131072", "0000fe"),
        ("131071", "ffff01"),
        ("2045913465", "7929f279"),
        ("-2024698800", "508c5187"),
        ("-2147483648", "00000080"),
        ("2147483647", "ffffff7f"),
        ("1151236324", "e4789e44"),
        ("-3970546385", "2f455613ff"),
        ("-4294967296", "00000000ff"),
        ("4294967295", "ffffffff00"),
        ("4666660031", "bf94271601"),
        ("-694569277", "c3b699d6"),
        ("-8589934592", "00000000fe"),
        ("8589934591", "ffffffff01"),
        ("8821259855671958934", "969dbd081a696b7a"),
        ("-1510406024733196899", "9dfd2a15b9f509eb"),
        ("-9223372036854775808", "0000000000000080"),
        ("9223372036854775807", "ffffffffffffff7f"),
        ("3763369503234451740", "1ce9d3be9f2c3a34"),
        ("-10778651017138621699", "fdb28cf5018a6a6aff"),
        ("-18446744073709551616", "0000000000000000ff"),
        ("18446744073709551615", "ffffffffffffffff00"),
        ("32123545134002520891", "3bc372fe19c2cdbd01"),
        ("-21226839396782250556", "c4e58682081e6bd9fe"),
        ("-36893488147419103232", "0000000000000000fe"),
        ("36893488147419103231", "ffffffffffffffff01"),
        ("67199046418587034495876833050", "1a9fabb651f89fcc95bf21d900"),
        ("-1177789770409264807390371053113", "c70105f27e74b78de1225b22f1"),
        ("-1267650600228229401496703205376", "000000000000000000000000f0"),
        ("1267650600228229401496703205375", "ffffffffffffffffffffffff0f"),
        ("125063104687531640253038053539015329545", "098748847e1d4ce154d9af931f47165e"),
        ("-92785015704860260661209306000106115196", "842f9d5a8dd003068f656752884132ba"),
        ("-170141183460469231731687303715884105728", "00000000000000000000000000000080"),
        ("170141183460469231731687303715884105727", "ffffffffffffffffffffffffffffff7f"),
        ("237071633341050436026072261565739422605", "8dd377bf19de3046e9e06c79f4555ab200"),
        ("-161880761512297750899357310638510707639", "49ec2df7fe6e5279b1f5faf73ee63686"),
        ("-340282366920938463463374607431768211456", "00000000000000000000000000000000ff"),
        ("340282366920938463463374607431768211455", "ffffffffffffffffffffffffffffffff00"),
        ("173977691381702020534807984480698511585", "e13028c95824bf3d8fe13dc971e2e28200"),
        ("-621405798327547331045935337036570327495", "3986819d1f09ba0fec3778bfb698812cfe"),
        ("-680564733841876926926749214863536422912", "00000000000000000000000000000000fe"),
        ("680564733841876926926749214863536422911", "ffffffffffffffffffffffffffffffff01"),
        ("735284566700301974179203881945189031858272467376606556455306", "8a01a027a83a6b463ba00db73497b4685de3f582c011392375"),
        ("-822211788133858590892081994837228405103727300221448571571710", "0232945f6c6bb81b2b53aec37bf98bb72a60c33a74649c037dff"),
        ("-1606938044258990275541962092341162602522202993782792835301376", "00000000000000000000000000000000000000000000000000ff"),
        ("1606938044258990275541962092341162602522202993782792835301375", "ffffffffffffffffffffffffffffffffffffffffffffffffff00"),
        (
            "5569885977574204578461794549364149871423390411823201901065398815233375308355",
            "438add86ff045d1ba8c8d7aa84972fb4f72aa2e2f4e539ac8fa136449971500c"
        ),
        (
            "-33295566733043593092548226554651678517316099039836055347101344834665387203633",
            "cfe30623dc44b0dca7d9b3af3c4d5552924e9ceb28274283d415ebd4866063b6"
        ),
        (
            "-57896044618658097711785492504343953926634992332820282019728792003956564819968",
            "0000000000000000000000000000000000000000000000000000000000000080"
        ),
        (
            "57896044618658097711785492504343953926634992332820282019728792003956564819967",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
        ),
        (
            "81167199564835825901053649538501193059778173490748313833902609393263027339601",
            "51c13a158bb03612988d4c06df2b48ddcdafb4aba1c7dbd6bcfb8099c60173b300"
        ),
        (
            "-71968272050587315320557207499556998354020707731863118892025544177772057587713",
            "ff0f94f5966e7b2decbc08b443c1eec755fdf4b8573500abed6d608eca66e360ff"
        ),
        (
            "-115792089237316195423570985008687907853269984665640564039457584007913129639936",
            "0000000000000000000000000000000000000000000000000000000000000000ff"
        ),
        (
            "115792089237316195423570985008687907853269984665640564039457584007913129639935",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00"
        ),
        (
            "204505580950410404281520850372859173046594674691929675788061778051544628980886",
            "96ece140f6c4983eb0b31103dc97c4179c3da89b0df309500929961c930e22c401"
        ),
        (
            "-207726666285212903454414271195808518381202987722444121354300529844583897147649",
            "ff563583b85b8a08e592263e2dc44838f380e577883e427ca844ec8795dfbe34fe"
        ),
        (
            "-231584178474632390847141970017375815706539969331281128078915168015826259279872",
            "0000000000000000000000000000000000000000000000000000000000000000fe"
        ),
        (
            "231584178474632390847141970017375815706539969331281128078915168015826259279871",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff01"
        ),
        (
            "937934386996613789756795556584962109076973600110709112501523443878492949639397616677462472232108937278311378893051220107241385606180239255075901661929",
            "e9e2e34bd6de282c1fc9276d9c26333a0dd8ade09fe69eddbea6c14115e98c19609b5e196ce63f533c6d520a0d6573e8268e54b1264815b61bb8e69ca39504"
        ),
        (
            "-3251046049706833146870303364273068807348196451632017091158703673757023571194894719876076088722448759635048489254347630832591065550846335268098195293986",
            "de7854f5137cea68a35463ecdee1e3d1e4ebfd574df6c6f1140a8a43477d6f71def21407f92c0bc7550e906dfc6f0aecac366dbb14113299477bb9b4f51bf0"
        ),
        (
            "-3273390607896141870013189696827599152216642046043064789483291368096133796404674554883270092325904157150886684127560071009217256545885393053328527589376",
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000f0"
        ),
        (
            "3273390607896141870013189696827599152216642046043064789483291368096133796404674554883270092325904157150886684127560071009217256545885393053328527589375",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0f"
        ),
        (
            "6141612858664609104480386633125582752980151945259897066118126193690019574231976790487126092426451821681262154356240669447846521892372961894893556028599468239576758496786760607276899131867514948795455202881162738877888999988573578847577227392921234398788448621148584406970678456151437470895826071448668",
            "5cec470d2dccddff1edf577901dfa20eef8f7b4675d783b1ccb75ecef74974f60c129744dbe4b2deda6ea597b1ec7f25a6bd1e63d6167d6492efa74c5cf2ae10e7c0fc891b2407ef37b76f4cf36983776168e092920bd7a5d47d200890fcaf6acbb37619c0d3552af07eed507ab1a02af144fff21c6cc0e726728ebb9200"
        ),
        (
            "-2671220352957533853727219649554232763482465034526569278921678063043657048023103443977805487287483320877276572958149971006924016738165982054989982625760968125648557041191425389115425863216966316114162068423045228546214315751755843672072232182913190398886911010646198727355838095770273504881169774881817",
            "e7d3e43758ec27502b86efa2f10a3bd96ffd9b3ecf0b7e880b7a608f2520e18418b1a48dc18b3c7399386d3ed6e45d0578ee8477448ed83aefa7f8515d8e948fecc3aab1d4672d4bda5fef9fc478cbdd016260f890fd0c3dbb2ceb81854af91cbed14106eedfc3d0d77cfe7acb2a201a20cb5a3181e8cfb632492f2ec0"
        ),
        (
            "-10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376",
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000ff"
        ),
        (
            "10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069375",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00"
        ),
    ]

    @Test(arguments: encodeLongHex)
    func twosComplementMatchesPickleForRandomWidths(decimal: String, hex: String) throws {
        let value = try #require(PythonBigInt(decimal: decimal))
        let bytes = try #require(hexBytes(hex))
        #expect(value.twosComplementLittleEndian == bytes)
        #expect(PythonBigInt(twosComplementLittleEndian: bytes) == value)
        #expect(value.description == decimal)
    }

    private func hexBytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// Non-minimal encodings (Python's `decode_long` reads them too) give the same value.
    @Test func readsNonMinimalTwosComplement() {
        // Python: pickle.decode_long(b"\x01\x00\x00") == 1, decode_long(b"\xff\xff") == -1, decode_long(b"\x80\xff") == -128.
        #expect(PythonBigInt(twosComplementLittleEndian: [1, 0, 0]) == PythonBigInt(1))
        #expect(PythonBigInt(twosComplementLittleEndian: [255, 255]) == PythonBigInt(-1))
        #expect(PythonBigInt(twosComplementLittleEndian: [0x80, 0xFF]) == PythonBigInt(-128))
    }

    @Test(arguments: [
        "0", "7", "-7", "999999999", "1000000000", "-1000000000", "4294967295", "4294967296",
        "340282366920938463463374607431768211456", "-99999999999999999999999999999999999999999999",
        "10000000000000000000000000000000000000000000000000000000000000000000000000001",
    ])
    func decimalRoundTrips(text: String) throws {
        #expect(try #require(PythonBigInt(decimal: text)).description == text)
    }

    @Test func decimalTextIsNormalised() {
        // Python: int("+0012") == 12, int("-0") == 0.
        #expect(PythonBigInt(decimal: "+0012")?.description == "12")
        #expect(PythonBigInt(decimal: "-0")?.description == "0")
        #expect(PythonBigInt(decimal: "-0")?.isNegative == false)
    }

    /// Python's `int()` also accepts underscores and surrounding white space; this parser, as
    /// documented, takes only a sign and ASCII digits.
    @Test(arguments: ["", "-", "+", "1_000", " 1", "1 ", "0x10", "1e5", "12a", "--1", "+-1"])
    func refusesNonDecimalText(text: String) {
        #expect(PythonBigInt(decimal: text) == nil)
    }

    @Test func boundsDigitCount() {
        let longest = String(repeating: "9", count: PythonBigInt.maximumDecimalDigits)
        #expect(PythonBigInt(decimal: longest)?.description == longest)
        #expect(PythonBigInt(decimal: longest + "9") == nil)
    }

    /// `(x, str(int(x)))` in Python.
    @Test(arguments: [
        (1e20, "100000000000000000000"), (-1e20, "-100000000000000000000"),
        (18_446_744_073_709_551_616.0, "18446744073709551616"), (9_223_372_036_854_775_808.0, "9223372036854775808"),
        (-9_223_372_036_854_775_808.0, "-9223372036854775808"), (1_180_591_620_717_411_565_568.0, "1180591620717411565568"),
        (9_007_199_254_740_992.0, "9007199254740992"), (-0.0, "0"), (123.0, "123"),
        (
            1e300,
            "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"
        ),
    ])
    func exactlyFromDouble(double: Double, expected: String) throws {
        let value = try #require(PythonBigInt(exactly: double))
        #expect(value.description == expected)
        #expect(value.doubleValue == double)
    }

    @Test(arguments: [0.5, -1.5, Double.nan, Double.infinity, -Double.infinity, 1e-300])
    func exactlyRefusesNonIntegralDoubles(double: Double) {
        #expect(PythonBigInt(exactly: double) == nil)
    }

    @Test func machineIntegerConversions() throws {
        #expect(PythonBigInt(Int.min).intValue == Int.min)
        #expect(PythonBigInt(Int.min).description == "-9223372036854775808")
        #expect(PythonBigInt(UInt64.max).uint64Value == UInt64.max)
        #expect(PythonBigInt(UInt64.max).intValue == nil)
        #expect(PythonBigInt(-1).uint64Value == nil)
        let twoTo64 = try #require(PythonBigInt(decimal: "18446744073709551616"))
        #expect(twoTo64.uint64Value == nil)
        #expect(twoTo64.bitWidth == 65)
        #expect(PythonBigInt(0).bitWidth == 0)
        #expect(PythonValue.integer(PythonBigInt(5)) == .int(5))
        if case .int = PythonValue.integer(PythonBigInt(5)) {} else { Issue.record("small integer not normalised to .int") }
        if case .bigInt = PythonValue.integer(twoTo64) {} else { Issue.record("2**64 not kept as .bigInt") }
    }

    @Test func ordering() throws {
        let values = try ["-18446744073709551617", "-18446744073709551616", "-5", "0", "3", "18446744073709551616"]
            .map { try #require(PythonBigInt(decimal: $0)) }
        for (lower, higher) in zip(values, values.dropFirst()) {
            #expect(lower < higher)
            #expect(!(higher < lower))
        }
        #expect(!(values[0] < values[0]))
    }
}

package ingest

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plancast/plancast"
)

// widthFold turns full-width ASCII forms (０-９, Ａ-Ｚ, （）, ，, ．, the ideographic
// space) into their ASCII counterparts. Chinese spreadsheets mix both widths,
// often within one column.
func widthFold(s string) string {
	if !hasWide(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\u3000':
			r = ' '
		case r >= '\uff01' && r <= '\uff5e':
			r -= 0xfee0
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hasWide(s string) bool {
	for _, r := range s {
		if r == '\u3000' || (r >= '\uff01' && r <= '\uff5e') {
			return true
		}
	}
	return false
}

// fold is the key under which names are compared: width-folded, lower case,
// without spaces, underscores, hyphens or middle dots. Yearbooks pad names
// ("地  区"), and English names come with any spacing and case.
func fold(s string) string {
	s = widthFold(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsSpace(r) || r == '_' || r == '-' || r == '·' || r == '\u00a0' || r == ':' || r == '：' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// enumPrefix matches the numbering and "of which" markers yearbooks put in
// front of indicator names: "1.", "（1）", "一、", "其中：", "#".
var enumPrefix = regexp.MustCompile(`^\s*(?:[0-9]+[.、)]|\([0-9]+\)|[一二三四五六七八九十]+、|其中[:：]?|#+)\s*`)

// unitSuffix matches a label with its unit in brackets at the end:
// "地区生产总值（亿元）", "GDP (100 million yuan)", "数值[万元]".
var unitSuffix = regexp.MustCompile(`^(.*?)\s*[(\[]([^()\[\]]*)[)\]]\s*$`)

// splitLabel separates a label from a unit in trailing brackets, when the
// bracketed text is a unit: "GDP (亿元)" gives "GDP", "100m_yuan". A label
// without a recognisable unit is returned whole with unit "".
func splitLabel(label string) (name, unit string) {
	s := strings.TrimSpace(widthFold(label))
	if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "]") {
		return s, ""
	}
	m := unitSuffix.FindStringSubmatch(s)
	if m == nil {
		return s, ""
	}
	if u, ok := ParseUnit(m[2]); ok && m[1] != "" {
		return strings.TrimSpace(m[1]), u
	}
	return s, ""
}

// cleanName removes enumeration prefixes from a row label.
func cleanName(s string) string {
	s = strings.TrimSpace(widthFold(s))
	if s == "" || (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') {
		return s // no numbering in front: skip the regular expression
	}
	return strings.TrimSpace(enumPrefix.ReplaceAllString(s, ""))
}

// missingMarks are the cells a statistical table uses for "no figure".
var missingMarks = map[string]bool{
	"": true, "-": true, "—": true, "——": true, "–": true, "…": true, "...": true, "……": true,
	"--": true, "n/a": true, "na": true, "NA": true, "N/A": true, "/": true, "x": true, "X": true, "×": true,
}

// isMissing reports whether a cell of a wide table means "no figure".
func isMissing(cell string) bool {
	return missingMarks[strings.TrimSpace(widthFold(cell))]
}

// parseNumber reads a figure as statistical tables write it: thousands
// separators ("1,234.5", "1 234.5", with any space numberSpaces reads as
// one), full-width digits, a leading plus, surrounding spaces, a trailing
// "%" (dropped: the unit says percent). It refuses NaN and infinities with
// their own message, since strconv would accept them, and says so when the
// cell carries a unit ("130 亿元"), groups its digits other than in threes
// ("1,3") or has a comma or space after its decimal point ("1.234,5").
func parseNumber(cell string) (float64, error) {
	s := strings.TrimSpace(numberSpaces(widthFold(cell)))
	s = strings.TrimSuffix(s, "%")
	s = strings.TrimPrefix(s, "+")
	s = strings.ReplaceAll(s, "−", "-") // U+2212 minus sign
	if s == "" {
		return 0, errNotNumber
	}
	if u := trailingUnit(s); u != "" {
		e := withUnitError{unit: u}
		if v, err := parseNumber(strings.TrimSuffix(s, u)); err == nil {
			e.number = strconv.FormatFloat(v, 'f', -1, 64)
		}
		return 0, e
	}
	if err := afterPoint(s); err != nil {
		return 0, err
	}
	if !groupedInThrees(s) {
		return 0, errGrouping
	}
	s = strings.ReplaceAll(s, ",", "")
	s = strings.ReplaceAll(s, " ", "")
	for _, r := range s {
		// Only plain decimal notation: strconv would take "0x1p3", "Inf", "1_000".
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == 'e' || r == 'E' || r == '+') {
			if lower := strings.ToLower(s); lower == "nan" || strings.Contains(lower, "inf") {
				return 0, errNotFinite
			}
			return 0, errNotNumber
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, errNotFinite
		}
		return 0, errNotNumber
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errNotFinite
	}
	return v, nil
}

// groupedInThrees reports whether the digits before the decimal point of s
// are grouped as thousands, if at all: "1,234,567.8" and "1 234" are, "1,3",
// "12,34" and "1234,567" are not. A wrong grouping is refused rather than
// read: "1,3" is 13 with the comma dropped but 1.3 where a comma is the
// decimal mark, and either reading can be a tenfold error stored silently.
func groupedInThrees(s string) bool {
	whole, _, _ := strings.Cut(s, ".")
	whole = strings.TrimPrefix(whole, "-")
	if !strings.ContainsAny(whole, ", ") || strings.Trim(whole, "0123456789, ") != "" {
		return true // no grouping, or not a number at all: said elsewhere
	}
	groups := strings.FieldsFunc(whole, func(r rune) bool { return r == ',' || r == ' ' })
	if len(groups) < 2 || len(groups[0]) < 1 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	// FieldsFunc drops empty groups ("1,,234", "1, 234"): count the marks.
	return strings.Count(whole, ",")+strings.Count(whole, " ") == len(groups)-1
}

// afterPoint refuses a number with a comma or a space after its decimal
// point. groupedInThrees looks only before the point, and the marks after
// it used to be dropped: "1.234,5", where a point groups the thousands and
// a comma marks the decimals (1234.5), was stored as 1.2345, and "32.456,7"
// 元 as 32.4567. Such a number is ambiguous (a decimal comma, or a stray
// comma after a decimal point), so it is refused, not read either way; when
// it reads as a decimal comma with its points grouping threes, the message
// names that figure, so that the sender can write it if it is the one meant.
func afterPoint(s string) error {
	_, frac, ok := strings.Cut(s, ".")
	if !ok || !strings.ContainsAny(frac, ", ") {
		return nil
	}
	if v, ok := decimalCommaReading(s); ok {
		return numberError(fmt.Sprintf("is not a number: it has a comma after the point, as where a point groups the thousands and a comma marks the decimals; "+
			"a decimal is written with a point, and the digits before it grouped with commas: write %s if that is the figure (or %s)",
			strconv.FormatFloat(v, 'f', -1, 64), plancast.FormatNumber(v, -1)))
	}
	return errAfterPoint
}

// decimalCommaReading reads s as written where a point groups the thousands
// and a comma marks the decimals ("1.234,5", "-12.345.678,9"): points only
// between groups of three digits after a first group of one to three, one
// comma, digits after it. ok is false for any other shape ("4.5,0").
func decimalCommaReading(s string) (float64, bool) {
	whole, frac, ok := strings.Cut(strings.TrimPrefix(s, "-"), ",")
	if !ok || frac == "" || strings.Trim(frac, "0123456789") != "" {
		return 0, false
	}
	groups := strings.Split(whole, ".")
	if len(groups) < 2 || len(groups[0]) < 1 || len(groups[0]) > 3 || strings.Trim(groups[0], "0123456789") != "" {
		return 0, false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || strings.Trim(g, "0123456789") != "" {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(strings.Join(groups, "")+"."+frac, 64)
	if err != nil {
		return 0, false
	}
	if strings.HasPrefix(s, "-") {
		v = -v
	}
	return v, true
}

// otherSpaces are the spaces besides U+0020 that group digits in numbers
// as typeset or exported: the no-break space (U+00A0, Excel's and Word's
// thousands separator in French and Russian settings, and &nbsp; in a page
// copied from the web), the narrow no-break space (U+202F, the SI's and
// CLDR's) and the thin space (U+2009). A plain space groups digits in
// threes (groupedInThrees), and a number looking the same must read the
// same: "1 234.5" was "not a number" with a no-break space.
var otherSpaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ")

// numberSpaces turns otherSpaces into plain spaces; a text of ASCII alone,
// as nearly every figure is, is returned as it is without a scan of its
// runes.
func numberSpaces(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return otherSpaces.Replace(s)
		}
	}
	return s
}

// trailingUnit returns the unit a cell writes after its number ("130 亿元",
// "1.3 billion yuan"), in the form the cell gives it, or "" when the cell
// has no recognisable unit after a number.
func trailingUnit(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool {
		return !(r >= '0' && r <= '9' || r == '.' || r == ',' || r == ' ' || r == '-')
	})
	if i <= 0 || strings.Trim(s[:i], " ,.-") == "" {
		return ""
	}
	unit := strings.TrimSpace(s[i:])
	// Only the named units (ParseUnit would take any code-shaped word: "e3"
	// of "1e3", "apples").
	if _, ok := unitNames[unitFold(unit)]; !ok {
		return ""
	}
	return unit
}

// withUnitError is a number written with its unit ("130 亿元"). A table
// gives the unit in a unit column or in the header; a JSON item, in its
// unit key (fields.go's number says which).
type withUnitError struct {
	unit   string
	number string // the number without it, "" when it is none
}

func (e withUnitError) Error() string {
	return fmt.Sprintf("is a number with its unit: give the number alone, and %s as the unit (in a unit column, or in the header: \"value (%s)\")", e.unit, e.unit)
}

// jsonError is the message for a JSON item's field, whose unit goes in the
// item's "unit" key.
func (e withUnitError) jsonError(field string) string {
	example := ""
	if e.number != "" {
		example = fmt.Sprintf(` ("%s": %s, "unit": "%s")`, field, e.number, e.unit)
	}
	return fmt.Sprintf(`is a number with its unit: give the number alone, and %s as the unit in the item's "unit" key%s`, e.unit, example)
}

// changeWords are the words a change is written with in place of its sign
// ("下降3.2", "增长5.2", "持平"; "down 3.2"): the sign of the number they
// go with, -1 for a fall, 1 for a rise, 0 for no change (a word alone).
var changeWords = []struct {
	word string
	sign int
}{
	{"负增长", -1}, {"下降", -1}, {"降低", -1}, {"减少", -1}, {"回落", -1}, {"下滑", -1}, {"下跌", -1}, {"降", -1}, {"减", -1},
	{"增长", 1}, {"增加", 1}, {"上升", 1}, {"提高", 1}, {"增", 1},
	{"down", -1}, {"fell", -1}, {"decrease", -1}, {"up", 1}, {"rose", 1}, {"increase", 1},
	{"持平", 0}, {"flat", 0}, {"unchanged", 0},
}

// signedChange reads a change written in words ("下降3.2", "增长 5.2%",
// "持平"), as bulletins write a growth, and gives the number it is in
// plancast's writing ("-3.2", "5.2", "0"); ok is false for any other text.
func signedChange(text string) (string, bool) {
	t := strings.ToLower(strings.TrimSpace(widthFold(text)))
	for _, w := range changeWords {
		rest, cut := strings.CutPrefix(t, w.word)
		if !cut {
			continue
		}
		rest = strings.TrimSpace(rest)
		if w.sign == 0 {
			return "0", rest == ""
		}
		v, err := parseNumber(rest)
		if err != nil || v < 0 || rest == "" || strings.HasPrefix(rest, "+") {
			return "", false
		}
		if w.sign < 0 {
			v = -v
		}
		return strconv.FormatFloat(v, 'f', -1, 64), true
	}
	return "", false
}

type numberError string

func (e numberError) Error() string { return string(e) }

const (
	errNotNumber numberError = "is not a number"
	errNotFinite numberError = "is not a finite number (NaN or infinity)"
	errGrouping  numberError = "is not a number: a comma or space groups the digits in threes (1,234.5), and a decimal is written with a point (1.3)"
	// errAfterPoint: a comma or space after the decimal point (afterPoint).
	errAfterPoint numberError = "is not a number: it has a comma or space after the decimal point; a comma or space groups the digits before the point in threes (1,234.5), and none comes after it"
)

// yearLabel matches a year column header or a year cell: "2019", "2019年",
// "2019 年", "2019年度", "Y2019".
var yearLabel = regexp.MustCompile(`^(?:[Yy]|FY)?\s*([0-9]{4})\s*(?:年度|年|\.0)?$`)

// parseYearLabel reads a year header or cell; ok is false when the text is not
// shaped like a year (range checks come later, so that 1850 is reported).
func parseYearLabel(s string) (int, bool) {
	if len(s) == 4 && s[0] >= '0' && s[0] <= '9' { // the common case, without the regular expression
		y, err := strconv.Atoi(s)
		return y, err == nil
	}
	m := yearLabel.FindStringSubmatch(strings.TrimSpace(widthFold(s)))
	if m == nil {
		return 0, false
	}
	y, err := strconv.Atoi(m[1])
	return y, err == nil
}

// headerYear finds a year in a header that holds more than the year:
// "2023年（初步）", "预计2023年", "2023 (preliminary)", "2024 H1", "2023E",
// "2021-2025年均增长%". A year is four digits, 1900 to 2099, not part of a
// longer number, either followed by 年 or 年度, or starting the header
// (after Y or FY) and followed by a space, a bracket, a dash, a slash or a
// letter: "2000元" and "1500万" are not years. It returns the first such
// year, the text around it with the year taken out ("（初步）", "预计",
// "-2025年均增长%"), and that text as pieces, split at brackets, spaces,
// commas, semicolons and slashes ("初步"; "亿元" of "2024年/亿元"). ok is
// false when no year is found, as for a year alone, which parseYearLabel
// reads.
func headerYear(header string) (year int, rest string, pieces []string, ok bool) {
	t := strings.TrimSpace(widthFold(header))
	for i := 0; i+4 <= len(t); i++ {
		if !isDigit(t[i]) || i > 0 && isDigit(t[i-1]) {
			continue
		}
		digits := t[i : i+4]
		if strings.Trim(digits, "0123456789") != "" || i+4 < len(t) && isDigit(t[i+4]) ||
			!strings.HasPrefix(digits, "19") && !strings.HasPrefix(digits, "20") {
			continue
		}
		start, end := i, i+4
		switch lead := strings.TrimRight(t[:i], " "); lead {
		case "", "Y", "y", "FY":
			start = 0
		}
		after := strings.TrimLeft(t[end:], " ")
		switch {
		case strings.HasPrefix(after, "年度"):
			end = len(t) - len(after) + len("年度")
		case strings.HasPrefix(after, "年"):
			end = len(t) - len(after) + len("年")
		case start != 0 || !yearSeparator(t[end:]):
			continue
		}
		if start == 0 && strings.TrimSpace(t[end:]) == "" {
			return 0, "", nil, false // a year alone: parseYearLabel's
		}
		year, _ = strconv.Atoi(digits)
		rest = strings.TrimSpace(t[:start] + " " + t[end:])
		pieces = strings.FieldsFunc(rest, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune("()[]【】〔〕,;，；、/", r)
		})
		return year, rest, pieces, true
	}
	return 0, "", nil, false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// yearSeparator reports whether what follows a year at the start of a
// header sets it apart as a year: a space, a bracket, a dash or a slash, or
// a letter ("2023E", "2024H1").
func yearSeparator(after string) bool {
	if after == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return r == ' ' || r == '(' || r == '[' || r == '-' || r == '/' || r == '~' || r == '—' || r == '–' ||
		r < utf8.RuneSelf && unicode.IsLetter(r)
}

// columnLetter gives the spreadsheet letter of a 0-based column: 0 → A, 26 → AA.
func columnLetter(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

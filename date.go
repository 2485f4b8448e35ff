package plancast

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"
)

// DateLayout is the text form of a Date.
const DateLayout = "2006-01-02"

// Date is a calendar date (UTC midnight), used for vintages: the day a figure
// was published. Its JSON and text form is "YYYY-MM-DD".
type Date struct{ t time.Time }

// NewDate returns the date of the given year, month and day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the UTC calendar date of t.
func DateOf(t time.Time) Date {
	y, m, d := t.UTC().Date()
	return NewDate(y, m, d)
}

// Today returns the current UTC date.
func Today() Date { return DateOf(time.Now()) }

// LatestDay is the latest date anything may carry on the day today (UTC):
// the day after, for China's day runs ahead of UTC's. A figure published,
// a target set or an answer asked as of a later date is refused (ingest's
// published checks, AsOfAhead).
func LatestDay(today Date) Date { return DateOf(today.Time().AddDate(0, 0, 1)) }

// AsOfAhead says what is wrong with d as the date an answer is asked as of,
// when it is after tomorrow ("" when it may be: China's day runs ahead of
// UTC's, as a published date's may): an answer as of 2030 would read as a
// forecast of the data, and a chart would hatch the years to 2029 as
// missing.
func AsOfAhead(d Date) string {
	today := Today()
	if !d.After(LatestDay(today)) {
		return ""
	}
	return fmt.Sprintf("is after today (%s): an answer as of a date reads the data published by then; leave it out for the latest", today)
}

// OrToday is d, or today when d is zero: the date an answer "as of" an
// optional date is given on.
func (d Date) OrToday() Date {
	if d.IsZero() {
		return Today()
	}
	return d
}

// ParseDate parses "YYYY-MM-DD". A text of that form that is no day is
// said to be none (NotADay).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		if why := NotADay(s); why != "" {
			return Date{}, Errorf(EINVALID, "%s", why)
		}
		return Date{}, Errorf(EINVALID, "date %q must be YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// NotADay says why s, in the form YYYY-MM-DD, is no day of the calendar:
// "2024-02-30 is not a day: February 2024 has 29 days", "2024-13-01 is not
// a day: a year has 12 months"; "" for a day, and for a text of another
// form. Why: told "must be YYYY-MM-DD", the sender of 2024-02-30 looked for
// a mistake of form it does not have. The API's date parameters, the
// command line's --as-of and --published say it, and ingest's date cells
// in each of their forms (through NoSuchDay).
func NotADay(s string) string {
	if len(s) != len(DateLayout) || s[4] != '-' || s[7] != '-' {
		return ""
	}
	y, errY := strconv.Atoi(s[:4])
	m, errM := strconv.Atoi(s[5:7])
	d, errD := strconv.Atoi(s[8:])
	if errY != nil || errM != nil || errD != nil || y < 0 || m < 0 || d < 0 {
		return ""
	}
	return NoSuchDay(s, y, m, d)
}

// NoSuchDay says why year y, month m, day d, written s, is no day of the
// calendar, in the words NotADay uses ("s is not a day: February 2024 has
// 29 days"); "" for a day. The readers of dates in other forms (ingest's
// 2024/02/30, 2024.02.30, 2024年2月30日) say it through this, so that a
// day that does not exist is told alike whichever form it is written in.
func NoSuchDay(s string, y, m, d int) string {
	if m < 1 || m > 12 {
		return s + " is not a day: a year has 12 months"
	}
	days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	switch {
	case d == 0:
		return fmt.Sprintf("%s is not a day: %s %d has %d days, from 1", s, time.Month(m), y, days)
	case d > days:
		return fmt.Sprintf("%s is not a day: %s %d has %d days", s, time.Month(m), y, days)
	}
	return ""
}

// Time returns the date as UTC midnight.
func (d Date) Time() time.Time { return d.t }

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Equal, Before and After compare dates.
func (d Date) Equal(o Date) bool  { return d.t.Equal(o.t) }
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }
func (d Date) After(o Date) bool  { return d.t.After(o.t) }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(DateLayout)
}

// Append appends d as String writes it, without allocating.
func (d Date) Append(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	return d.t.AppendFormat(b, DateLayout)
}

// MarshalText writes "YYYY-MM-DD", or nothing for the zero date.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "YYYY-MM-DD"; an empty text is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// MarshalJSON writes the date as a JSON string, null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads a JSON string "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	// A plain quoted string, as every date plancast writes is, is read as
	// it stands: a nested json.Unmarshal per date was a tenth of the time
	// of reading stored figures back. Anything else (escapes) goes the long way.
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && bytes.IndexByte(b[1:len(b)-1], '\\') < 0 && bytes.IndexByte(b[1:len(b)-1], '"') < 0 {
		return d.UnmarshalText(b[1 : len(b)-1])
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date must be a string YYYY-MM-DD: %w", err)
	}
	return d.UnmarshalText([]byte(s))
}

// VintageClock hands out the Recorded times of vintages: the wall clock, but
// strictly increasing within a process even if the clock stands still or
// steps back, so that a later write is always the newer vintage. Stores keep
// one each; the zero value is ready.
type VintageClock struct {
	mu   sync.Mutex
	last time.Time
}

// Next returns a time after every time this clock returned before.
func (c *VintageClock) Next() time.Time { return c.NextAfter(time.Time{}) }

// NextAfter is Next, and also after floor. A store passes the newest
// recorded time among the stored versions a batch writes over, so that the
// batch is always their newer version: a version may have been recorded
// ahead of this clock, by an import from a machine whose clock ran ahead or
// before this machine's clock was set back, and a same-day correction
// recorded before it would be read as the older one.
func (c *VintageClock) NextAfter(floor time.Time) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := time.Now().UTC()
	if floor.After(c.last) {
		c.last = floor.UTC()
	}
	if !t.After(c.last) {
		t = c.last.Add(time.Microsecond)
	}
	c.last = t
	return t
}

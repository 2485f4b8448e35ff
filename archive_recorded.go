package plancast

import (
	"context"
	"fmt"
	"math"
	"time"
)

// RecordedWriter is a store that writes vintages and target versions at the
// recorded times they carry: ImportArchive's write, and no other. A store's
// own writes (WriteObservations, WriteTargets) record every version when
// they write it, whatever it carries, so that no push can pass for one
// entered earlier: the recorded time is the only trace that a revision was
// entered after its date. An import brings versions that were recorded
// long before it, and keeps those times.
type RecordedWriter interface {
	// WriteObservationsRecorded is WriteObservations, but each vintage it
	// writes is recorded at the time it carries (RecordedAt); one that
	// carries none is recorded now, as WriteObservations records it. A
	// vintage recorded at the same time as a stored vintage of its figure
	// is ECONFLICT, and nothing is written.
	WriteObservationsRecorded(ctx context.Context, obs []Observation) (WriteResult, error)
	// WriteTargetsRecorded is WriteTargets as WriteObservationsRecorded is
	// WriteObservations.
	WriteTargetsRecorded(ctx context.Context, ts []Target) (WriteResult, error)
}

// RecordedAt returns the time a store records the i-th (from 1) item of a
// batch at: now for its own writes; with keep (a RecordedWriter's) the
// time the item carries, in UTC, or now when it carries none. A time no
// store can hold is refused (EINVALID), naming the item as what i ("item
// 3", "target 3": as the store's other errors name it).
func RecordedAt(keep bool, what string, i int, carried, now time.Time) (time.Time, error) {
	if !keep || carried.IsZero() {
		return now, nil
	}
	if err := storableRecorded(carried); err != nil {
		return time.Time{}, Errorf(EINVALID, "%s %d: %v; nothing written", what, i, err)
	}
	return carried.UTC(), nil
}

// VintageTaken is a RecordedWriter's ECONFLICT for the i-th item o, whose
// figure has a vintage recorded at o's time already: the store keys a
// vintage by its figure and that time, so a write would replace it.
func VintageTaken(i int, o *Observation) error {
	return Errorf(ECONFLICT, "item %d: %s/%s %d (%s) has a vintage recorded at %s already; nothing written",
		i, o.Region, o.Indicator, o.Year, o.Period, o.Recorded.Format(time.RFC3339Nano))
}

// VersionTaken is VintageTaken for the i-th target t.
func VersionTaken(i int, t *Target) error {
	return Errorf(ECONFLICT, "target %d: %s/%s %s %s %d has a version recorded at %s already; nothing written",
		i, t.Region, t.Indicator, t.Plan, t.Kind, t.Year, t.Recorded.Format(time.RFC3339Nano))
}

// storableRecorded refuses a recorded time the stores cannot hold: they
// keep it as nanoseconds since 1970 in 63 bits (the key of a bbolt vintage,
// InfluxDB's vintage tag), so from 1970 to 2262. A store never recorded
// anything before 1970.
func storableRecorded(t time.Time) error {
	if t.Before(time.Unix(0, 1)) || t.After(time.Unix(0, math.MaxInt64)) {
		return fmt.Errorf("recorded %s, which no store can hold (a recorded time is after 1970 and before 2262)", t.Format(time.RFC3339Nano))
	}
	return nil
}

// recordedChecker checks the recorded times of the versions of one figure
// or target, in the order an archive lists them (oldest first): each time a
// store can hold, no two alike (a store keeps one version of a key a
// recorded time), and those published on one day in the order they were
// recorded, as a store reads them back. A version without one is recorded
// at the import, after all the others: it may not come before one that has
// one on the same day.
type recordedChecker[K comparable] struct {
	whose, owner string // "vintage" of a "figure", "version" of a "target"
	last         map[K]recordedMark
	seen         map[recordedKey[K]]bool
}

type recordedMark struct {
	published Date
	recorded  time.Time
}

type recordedKey[K comparable] struct {
	key K
	ns  int64
}

func newRecordedChecker[K comparable](whose, owner string) *recordedChecker[K] {
	return &recordedChecker[K]{whose: whose, owner: owner, last: map[K]recordedMark{}, seen: map[recordedKey[K]]bool{}}
}

// check checks the next version of key k, published and recorded as given;
// what names the version, as the archive's other errors name it; it is
// called only for an error.
func (c *recordedChecker[K]) check(k K, published Date, recorded time.Time, what func() string) error {
	whose := c.whose
	prev, hasPrev := c.last[k]
	c.last[k] = recordedMark{published, recorded}
	sameDay := hasPrev && prev.published.Equal(published)
	if recorded.IsZero() {
		return nil
	}
	if err := storableRecorded(recorded); err != nil {
		return Errorf(EINVALID, "%s: %v", what(), err)
	}
	at := recordedKey[K]{k, recorded.UnixNano()}
	if c.seen[at] {
		return Errorf(EINVALID, "%s: recorded %s, as another %s of the same %s is: a store keeps one %s of a %s a recorded time; give each its own time, or leave this one's out (the import then records it when it writes it)",
			what(), recorded.Format(time.RFC3339Nano), whose, c.owner, whose, c.owner)
	}
	c.seen[at] = true
	switch {
	case sameDay && prev.recorded.IsZero():
		return Errorf(EINVALID, "%s: recorded %s, while the %s listed ahead of it, published the same day, has no recorded time: the import would record that one now, after this one, and turn their order; give it the time it was recorded, or leave this one's out too",
			what(), recorded.Format(time.RFC3339Nano), whose)
	case sameDay && !recorded.After(prev.recorded):
		return Errorf(EINVALID, "%s: recorded %s, before the %s listed ahead of it (%s), published the same day: an archive lists the %ss of one day in the order they were recorded",
			what(), recorded.Format(time.RFC3339Nano), whose, prev.recorded.Format(time.RFC3339Nano), whose)
	}
	return nil
}

package plancast

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"time"
)

// archiveFingerprint is what the check pass of ImportArchive read, kept so
// that the write pass can tell that the archive is still the one it checked.
// An import reads its file several times; a file edited, replaced or
// truncated between the check and the write would otherwise be written
// unchecked. It is a hash of the catalog, of each series' vintages and of
// the targets' versions, as the archive lists them: 8 bytes a series.
type archiveFingerprint struct {
	catalog uint64
	series  []uint64
	targets uint64

	unrecorded int // vintages and versions the archive gives no recorded time
	// ahead counts the vintages and versions recorded after the clock as the
	// check read them; latest is the latest of those times.
	ahead  int
	latest time.Time
}

// recordedAt notes a vintage's or version's recorded time: none (unrecorded),
// or one after now (ahead).
func (f *archiveFingerprint) recordedAt(t, now time.Time) {
	switch {
	case t.IsZero():
		f.unrecorded++
	case t.After(now):
		f.ahead++
		if t.After(f.latest) {
			f.latest = t
		}
	}
}

// jsonHash is an FNV-1a hash of v's JSON. json.Marshal writes every field of
// plancast's types, so a field added to them is covered without a change
// here.
func jsonHash(v any) uint64 {
	data, err := json.Marshal(v)
	if err != nil {
		// plancast's types always marshal; a failure is a bug, and a hash
		// of the error keeps two different failures apart.
		data = []byte(err.Error())
	}
	h := fnv.New64a()
	h.Write(data)
	return h.Sum64()
}

func catalogHash(ar *ArchiveReader) uint64 {
	return jsonHash([2]any{ar.Regions, ar.Indicators})
}

// changedSince says which part of the archive the write pass read differently
// from the check pass, as an error for ImportArchive; what names the part.
func changedSince(what string) error {
	return Errorf(ECONFLICT, "the archive changed while it was imported: %s is not what the check read, so it was not written; import it again once the file stays as it is", what)
}

// checkSeries compares the n-th series (counting from 0) the write pass read
// with the check pass's.
func (f *archiveFingerprint) checkSeries(n int, vs []Observation) error {
	if n >= len(f.series) || f.series[n] != jsonHash(vs) {
		return changedSince(fmt.Sprintf("series no. %d (%s)", n+1, seriesName(vs[0].Key().SeriesKey)))
	}
	return nil
}

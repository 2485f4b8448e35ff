package plancast

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// WriteArchive writes everything st holds to w as one archive (Archive's
// JSON, on one line), series by series as WalkVintages reads them: memory
// stays that of one series and the targets, whatever the store's size.
// progress, when not nil, is told what has been written so far after each
// series.
//
// The archive must be one state of the store. The embedded store is held by
// the exporting process alone; a store others push to meanwhile (InfluxDB)
// is checked by its data version before and after, and a push that landed
// during the export fails it with ECONFLICT: such an archive might hold half
// of that push.
func WriteArchive(ctx context.Context, st Store, w io.Writer, opts ExportOptions) (ArchiveStats, error) {
	var stats ArchiveStats
	before, err := st.DataVersion(ctx)
	if err != nil {
		return stats, fmt.Errorf("read the data version: %w", err)
	}
	regions, indicators, err := exportCatalog(ctx, st)
	if err != nil {
		return stats, err
	}
	stats.Regions, stats.Indicators = len(regions), len(indicators)
	e := &archiveEncoder{w: bufio.NewWriterSize(w, 1<<16)}
	e.raw(`{"format":`)
	e.value(ArchiveFormat)
	e.raw(`,"exported":`)
	e.value(time.Now().UTC())
	e.raw(`,"regions":`)
	e.value(regions)
	e.raw(`,"indicators":`)
	e.value(indicators)
	e.raw(`,"observations":[`)
	err = WalkVintages(ctx, st, func(vs []Observation) error {
		for i := range vs {
			if stats.Vintages > 0 {
				e.raw(",")
			}
			e.value(&vs[i])
			stats.Vintages++
		}
		stats.Series++
		if opts.Progress != nil {
			opts.Progress(stats)
		}
		return e.err
	})
	if err != nil {
		return stats, fmt.Errorf("export the figures: %w", err)
	}
	targets, err := exportTargets(ctx, st)
	if err != nil {
		return stats, err
	}
	stats.TargetVersions = len(targets)
	e.raw(`],"targets":`)
	e.value(targets)
	if opts.Tokens {
		tokens, err := st.Tokens(ctx)
		if err != nil {
			return stats, fmt.Errorf("read the access tokens: %w", err)
		}
		stats.Tokens = len(tokens)
		e.raw(`,"tokens":`)
		e.value(tokens)
	}
	e.raw("}\n")
	if e.err == nil {
		e.err = e.w.Flush()
	}
	if e.err != nil {
		return stats, fmt.Errorf("write the archive: %w", e.err)
	}
	after, err := st.DataVersion(ctx)
	if err != nil {
		return stats, fmt.Errorf("read the data version: %w", err)
	}
	if after != before {
		return stats, Errorf(ECONFLICT, "the store changed while it was exported (data version %s, then %s): the archive might hold part of a push; export again when no push lands", before, after)
	}
	return stats, nil
}

// ExportOptions say what WriteArchive adds to the store's data, and how it
// reports.
type ExportOptions struct {
	// Tokens adds the access tokens (hashes, never secrets): for a move to
	// another backend, which then opens to every token the old one did.
	Tokens bool
	// Progress, when not nil, is told the counts after each series.
	Progress func(ArchiveStats)
}

// archiveEncoder writes JSON pieces, keeping the first error.
type archiveEncoder struct {
	w   *bufio.Writer
	err error
}

func (e *archiveEncoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *archiveEncoder) value(v any) {
	if e.err != nil {
		return
	}
	data, err := json.Marshal(v)
	if err != nil {
		e.err = err
		return
	}
	_, e.err = e.w.Write(data)
}

// ArchiveReader reads an archive file a series at a time: Format, Exported
// and the catalog when it is made, then Next for each series' vintages, then
// Targets. It checks the layout as it goes (the catalog before the figures,
// the series in order, each series' vintages together and by year), so that
// an archive that would import differently from the store it came from is
// refused before anything is written. Errors name the vintage (counting from
// 1) or the byte where the file went wrong.
type ArchiveReader struct {
	Format     string
	Exported   time.Time
	Regions    []Region
	Indicators []Indicator

	dec       *json.Decoder
	src       *errReader
	closer    io.Closer
	seen      map[string]bool // the object's keys read so far
	inFigures bool            // inside the "observations" array
	done      bool            // the object's end was read
	targets   []Target
	tokens    []Token
	next      *Observation // the first vintage of the next series, read ahead
	last      SeriesKey    // the series Next returned last
	vintages  int          // vintages read
}

// NewArchiveReader reads an archive's header from r up to its figures.
// closer, when not nil, is closed by Close (the file r reads).
func NewArchiveReader(r io.Reader, closer io.Closer) (*ArchiveReader, error) {
	src := &errReader{r: r}
	ar := &ArchiveReader{dec: json.NewDecoder(src), src: src, closer: closer, seen: map[string]bool{}}
	ar.dec.DisallowUnknownFields()
	if err := ar.expect(json.Delim('{'), "an archive starts with {"); err != nil {
		return nil, err
	}
	if err := ar.readKeys(); err != nil {
		return nil, err
	}
	if ar.Format != ArchiveFormat {
		return nil, Errorf(EINVALID, "not a plancast archive: format %q, want %q", ar.Format, ArchiveFormat)
	}
	return ar, nil
}

// Close closes the file the reader reads, if it was given one.
func (ar *ArchiveReader) Close() error {
	if ar.closer != nil {
		return ar.closer.Close()
	}
	return nil
}

// readKeys reads the object's members until the figures begin or the object
// ends.
func (ar *ArchiveReader) readKeys() error {
	for ar.dec.More() {
		tok, err := ar.dec.Token()
		if err != nil {
			return ar.syntax(err)
		}
		key, _ := tok.(string)
		if ar.seen[key] {
			return Errorf(EINVALID, "the archive has %q twice", key)
		}
		ar.seen[key] = true
		var target any
		switch key {
		case "format":
			target = &ar.Format
		case "exported":
			target = &ar.Exported
		case "regions":
			target = &ar.Regions
		case "indicators":
			target = &ar.Indicators
		case "targets":
			target = &ar.targets
		case "tokens":
			target = &ar.tokens
		case "observations":
			for _, before := range []string{"format", "regions", "indicators"} {
				if !ar.seen[before] {
					return Errorf(EINVALID, "the archive's figures come before its %q: plancast reads the catalog first", before)
				}
			}
			if err := ar.expect(json.Delim('['), `"observations" is a list`); err != nil {
				return err
			}
			ar.inFigures = true
			return nil
		default:
			return Errorf(EINVALID, "the archive has an unknown member %q (at byte %d)", key, ar.dec.InputOffset())
		}
		if err := ar.dec.Decode(target); err != nil {
			return ar.syntax(fmt.Errorf("%q: %w", key, err))
		}
	}
	if _, err := ar.dec.Token(); err != nil { // the closing brace
		return ar.syntax(err)
	}
	ar.done = true
	if !ar.seen["format"] {
		return Errorf(EINVALID, "not a plancast archive: no format")
	}
	return nil
}

// Next returns the vintages of the next series, io.EOF after the last.
func (ar *ArchiveReader) Next() ([]Observation, error) {
	var out []Observation
	for {
		var o Observation
		if ar.next != nil {
			o, ar.next = *ar.next, nil
		} else {
			if !ar.inFigures {
				break
			}
			if !ar.dec.More() {
				if err := ar.expect(json.Delim(']'), "the figures' list ends with ]"); err != nil {
					return nil, err
				}
				ar.inFigures = false
				if err := ar.readKeys(); err != nil {
					return nil, err
				}
				break
			}
			if err := ar.dec.Decode(&o); err != nil {
				return nil, ar.syntax(fmt.Errorf("vintage %d: %w", ar.vintages+1, err))
			}
			ar.vintages++
			o.Normalize()
		}
		k := o.Key().SeriesKey
		if len(out) > 0 && k != out[0].Key().SeriesKey {
			ar.next = &o
			break
		}
		if len(out) == 0 && ar.last != (SeriesKey{}) && CompareSeriesKeys(ar.last, k) >= 0 {
			return nil, Errorf(EINVALID, "vintage %d: %s comes after %s: an archive lists each series' vintages together, the series ordered by region, indicator and period",
				ar.vintages, seriesName(k), seriesName(ar.last))
		}
		if len(out) > 0 && o.Year < out[len(out)-1].Year {
			return nil, Errorf(EINVALID, "vintage %d: %s %d comes after %d: a series' vintages are ordered by year", ar.vintages, seriesName(k), o.Year, out[len(out)-1].Year)
		}
		out = append(out, o)
	}
	if len(out) == 0 {
		return nil, io.EOF
	}
	ar.last = out[0].Key().SeriesKey
	return out, nil
}

// Targets returns every version of every target, once Next has returned
// io.EOF.
func (ar *ArchiveReader) Targets() ([]Target, error) {
	if err := ar.readToEnd("Targets"); err != nil {
		return nil, err
	}
	return ar.targets, nil
}

// Tokens returns the archive's access tokens (none unless it was exported
// with them), once Next has returned io.EOF.
func (ar *ArchiveReader) Tokens() ([]Token, error) {
	if err := ar.readToEnd("Tokens"); err != nil {
		return nil, err
	}
	return ar.tokens, nil
}

// readToEnd is nil once the whole archive has been read, where the members
// after the figures are known; what names the caller that asked too early.
func (ar *ArchiveReader) readToEnd(what string) error {
	if ar.inFigures || ar.next != nil || !ar.done {
		return fmt.Errorf("archive: %s before the last series was read", what)
	}
	return nil
}

func (ar *ArchiveReader) expect(want json.Delim, what string) error {
	tok, err := ar.dec.Token()
	if err != nil {
		return ar.syntax(err)
	}
	if tok != want {
		return Errorf(EINVALID, "not a plancast archive: %s (byte %d)", what, ar.dec.InputOffset())
	}
	return nil
}

// syntax wraps a decoding error with the byte it was found at. An error of
// the reader under the decoder (a damaged gzip stream, a failing disk) is
// returned as it is: the file could not be read, which says nothing of its
// layout.
func (ar *ArchiveReader) syntax(err error) error {
	if ar.src.err != nil {
		return fmt.Errorf("read the archive: %w", ar.src.err)
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return Errorf(EINVALID, "not a readable plancast archive at byte %d: %v", ar.dec.InputOffset(), err)
}

// errReader remembers the first error other than io.EOF of the reader it
// wraps.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

func seriesName(k SeriesKey) string {
	return fmt.Sprintf("%s/%s (%s)", k.Region, k.Indicator, k.Period)
}

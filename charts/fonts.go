package charts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
)

// FontEnv names the environment variable that points at a CJK font file
// (.ttf, .otf or .ttc) to use for Chinese labels. When set it is the only font
// tried: a file that cannot be read or lacks Chinese glyphs is an error, not
// a reason to look elsewhere.
const FontEnv = "PLANCAST_FONT"

// ErrNoCJKFont is returned by FindCJKFont when no font with Chinese glyphs is
// installed. Charts asked for in Chinese are then drawn with English labels.
var ErrNoCJKFont = errors.New("no CJK font found: install fonts-noto-cjk or fonts-wqy-microhei, or set " + FontEnv + " to a .ttf/.otf/.ttc file with Chinese glyphs")

// cjkProbe holds characters every CJK font used for labels must have: the
// fixed Chinese words of the charts and common region and indicator names.
const cjkProbe = "侯马市地区生产总值亿元十四五规划目标预测历史资料来源"

// cjkCandidates are the usual places of CJK fonts on Debian, Ubuntu, Fedora
// and Alpine, best first. Directories under /usr/share/fonts are searched
// afterwards for any other file whose name suggests CJK.
var cjkCandidates = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
	"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
	"/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
	"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
	"/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/truetype/arphic/uming.ttc",
}

// fontDirs are walked when no candidate exists.
var fontDirs = []string{"/usr/share/fonts", "/usr/local/share/fonts"}

// cjkNameHints are lower-case fragments of CJK font file names.
var cjkNameHints = []string{"cjk", "wqy", "droidsansfallback", "sourcehan", "notosanssc", "notoserifsc", "uming", "ukai", "simhei", "simsun", "msyh", "pingfang", "hei", "song"}

// loadedFont is a parsed CJK face.
type loadedFont struct {
	face   *opentype.Font
	family string
	tf     font.Typeface // the typeface registered in fontCache
	err    error
}

var (
	// fontCache holds Liberation Sans for Latin text and every CJK face
	// loaded so far, each under its own typeface. font.Cache is safe for
	// concurrent use.
	fontCache     *font.Cache
	fontCacheOnce sync.Once

	loadedMu sync.Mutex
	loaded   = map[string]*loadedFont{} // by path; parsed once

	systemOnce sync.Once
	systemPath string // CJK font found on the system, "" if none
)

// latinTypeface is the typeface of Latin text: Liberation Sans, bundled with
// plot, so English charts look the same on every machine.
const latinTypeface font.Typeface = "Liberation"

func cache() *font.Cache {
	fontCacheOnce.Do(func() {
		var sans font.Collection
		for _, f := range liberation.Collection() {
			if f.Font.Variant == "Sans" {
				sans = append(sans, f)
			}
		}
		fontCache = font.NewCache(sans)
	})
	return fontCache
}

// FindCJKFont returns the path of the font used for Chinese labels: the file
// named by PLANCAST_FONT when that is set, otherwise the first installed font
// with Chinese glyphs (Noto Sans CJK, WenQuanYi Micro Hei or Zen Hei, Droid
// Sans Fallback, ...). It returns ErrNoCJKFont when there is none, and a
// descriptive error when PLANCAST_FONT is set but unusable. Fonts are parsed
// once per process and kept.
func FindCJKFont() (path string, err error) {
	if p := os.Getenv(FontEnv); p != "" {
		if lf := loadCJK(p); lf.err != nil {
			return "", fmt.Errorf("%s=%s: %w", FontEnv, p, lf.err)
		}
		return p, nil
	}
	systemOnce.Do(func() { systemPath = searchSystem() })
	if systemPath == "" {
		return "", ErrNoCJKFont
	}
	return systemPath, nil
}

func searchSystem() string {
	for _, p := range cjkCandidates {
		if _, err := os.Stat(p); err == nil && loadCJK(p).err == nil {
			return p
		}
	}
	var found string
	for _, dir := range fontDirs {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || found != "" {
				return filepath.SkipDir
			}
			if d.IsDir() {
				return nil
			}
			name := strings.ToLower(d.Name())
			ext := filepath.Ext(name)
			if ext != ".ttf" && ext != ".otf" && ext != ".ttc" {
				return nil
			}
			for _, h := range cjkNameHints {
				if strings.Contains(name, h) && loadCJK(p).err == nil {
					found = p
					return filepath.SkipAll
				}
			}
			return nil
		})
		if found != "" {
			break
		}
	}
	return found
}

// loadCJK parses the font file at path once and checks that it has every
// character of cjkProbe and can draw them. In a collection (.ttc) it picks the
// first proportional face that passes, preferring Simplified Chinese.
func loadCJK(path string) *loadedFont {
	loadedMu.Lock()
	defer loadedMu.Unlock()
	if lf, ok := loaded[path]; ok {
		return lf
	}
	lf := parseCJK(path)
	loaded[path] = lf
	if lf.err == nil {
		lf.tf = font.Typeface("cjk:" + path)
		cache().Add(font.Collection{{Font: font.Font{Typeface: lf.tf}, Face: lf.face}})
	}
	return lf
}

func parseCJK(path string) *loadedFont {
	raw, err := os.ReadFile(path)
	if err != nil {
		return &loadedFont{err: err}
	}
	var faces []*opentype.Font
	if coll, err := opentype.ParseCollection(raw); err == nil {
		for i := 0; i < coll.NumFonts(); i++ {
			f, err := coll.Font(i)
			if err != nil {
				// e.g. WenQuanYi Micro Hei: tables not on 4-byte
				// boundaries, which sfnt refuses; copy them aligned.
				f, err = parseRepacked(raw, i)
			}
			if err == nil {
				faces = append(faces, f)
			}
		}
	} else if f, err := opentype.Parse(raw); err == nil {
		faces = append(faces, f)
	} else if f, err2 := parseRepacked(raw, 0); err2 == nil {
		faces = append(faces, f)
	} else {
		return &loadedFont{err: fmt.Errorf("not a TrueType/OpenType font or collection: %v", err)}
	}
	var best *loadedFont
	score := -1
	for _, f := range faces {
		var buf sfnt.Buffer
		family, _ := f.Name(&buf, sfnt.NameIDFamily)
		if missing := missingGlyphs(f, cjkProbe); missing != "" {
			continue
		}
		if !canDraw(f, '侯') {
			continue
		}
		s := 1
		lower := strings.ToLower(family)
		if strings.Contains(lower, "mono") {
			s = 0
		}
		if strings.Contains(family, " SC") || strings.HasSuffix(family, "SC") {
			s = 2
		}
		if s > score {
			best, score = &loadedFont{face: f, family: family}, s
		}
	}
	if best == nil {
		return &loadedFont{err: fmt.Errorf("font has no usable Chinese glyphs (checked %q)", cjkProbe)}
	}
	return best
}

// missingGlyphs returns the runes of s (other than spaces) that f maps to no
// glyph, or "" when it has them all.
func missingGlyphs(f *sfnt.Font, s string) string {
	var buf sfnt.Buffer
	var miss strings.Builder
	for _, r := range s {
		if r == ' ' || r == '\n' {
			continue
		}
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			miss.WriteRune(r)
		}
	}
	return miss.String()
}

// canDraw reports whether the outline of r loads: some CFF flavours parse but
// cannot be drawn by x/image/font/sfnt.
func canDraw(f *sfnt.Font, r rune) bool {
	var buf sfnt.Buffer
	i, err := f.GlyphIndex(&buf, r)
	if err != nil || i == 0 {
		return false
	}
	segs, err := f.LoadGlyph(&buf, i, fixed.I(16), nil)
	return err == nil && len(segs) > 0
}

// parseRepacked parses font i of a collection (or the font of a single-font
// file when raw is not a collection) after copying its tables to 4-byte
// aligned offsets in a fresh single-font file. sfnt insists on the alignment
// the specification asks for; some fonts in the wild, WenQuanYi's
// collections among them, do not keep it.
func parseRepacked(raw []byte, i int) (*opentype.Font, error) {
	u32 := func(b []byte) uint32 { return binary.BigEndian.Uint32(b) }
	bad := errors.New("malformed font file")
	off := uint32(0)
	if len(raw) >= 12 && string(raw[:4]) == "ttcf" {
		n := u32(raw[8:12])
		if uint32(i) >= n || len(raw) < 12+4*int(n) {
			return nil, bad
		}
		off = u32(raw[12+4*i:])
	}
	if uint64(off)+12 > uint64(len(raw)) {
		return nil, bad
	}
	numTables := int(binary.BigEndian.Uint16(raw[off+4:]))
	dir := int(off) + 12
	if dir+16*numTables > len(raw) {
		return nil, bad
	}
	head := 12 + 16*numTables
	out := make([]byte, head, len(raw))
	copy(out, raw[off:int(off)+12])
	for k := 0; k < numTables; k++ {
		rec := raw[dir+16*k : dir+16*k+16]
		o, n := u32(rec[8:]), u32(rec[12:])
		if uint64(o)+uint64(n) > uint64(len(raw)) {
			return nil, bad
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		newRec := out[12+16*k : 12+16*k+16]
		copy(newRec, rec)
		binary.BigEndian.PutUint32(newRec[8:], uint32(len(out)))
		out = append(out, raw[o:o+n]...)
	}
	return opentype.Parse(out)
}

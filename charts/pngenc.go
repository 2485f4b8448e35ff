package charts

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
	"sync"
)

// pngWriter encodes the opaque RGBA image of a chart as an 8-bit RGB PNG.
//
// image/png tries all five row filters on every row and keeps the best;
// on a chart, flat colour with lines and text, the "up" filter is as good
// and the search costs more than the compression. Rows are filtered with up
// (the first with sub) and deflated at zlib.BestSpeed.
type pngWriter struct {
	zbuf  sizedBuffer
	zw    *zlib.Writer
	cur   []byte // filter byte + filtered RGB row
	chunk [8]byte
}

var pngPool = sync.Pool{New: func() any { return new(pngWriter) }}

// sizedBuffer is a growable byte buffer (bytes.Buffer without the reader).
type sizedBuffer struct{ b []byte }

func (s *sizedBuffer) Write(p []byte) (int, error) { s.b = append(s.b, p...); return len(p), nil }

// encodePNG writes img as a PNG. img must be opaque (charts are drawn on
// white); alpha is dropped.
func encodePNG(w io.Writer, img *image.RGBA) error {
	e := pngPool.Get().(*pngWriter)
	defer pngPool.Put(e)
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	n := 3 * width
	if cap(e.cur) < n+1 {
		e.cur = make([]byte, n+1)
	}
	e.cur = e.cur[:n+1]
	e.zbuf.b = e.zbuf.b[:0]
	if e.zw == nil {
		e.zw, _ = zlib.NewWriterLevel(&e.zbuf, zlib.BestSpeed)
	} else {
		e.zw.Reset(&e.zbuf)
	}
	var prevRow []byte
	for y := 0; y < height; y++ {
		off := img.PixOffset(b.Min.X, b.Min.Y+y)
		row := img.Pix[off : off+4*width : off+4*width]
		out := e.cur[1 : n+1 : n+1]
		if y == 0 {
			e.cur[0] = 1 // sub: each byte minus the one a pixel to the left
			var pr, pg, pb byte
			for x := 0; x < width; x++ {
				p := row[4*x : 4*x+3 : 4*x+3]
				o := out[3*x : 3*x+3 : 3*x+3]
				o[0], o[1], o[2] = p[0]-pr, p[1]-pg, p[2]-pb
				pr, pg, pb = p[0], p[1], p[2]
			}
		} else {
			e.cur[0] = 2 // up: each byte minus the one a row above
			for x := 0; x < width; x++ {
				p := row[4*x : 4*x+3 : 4*x+3]
				q := prevRow[4*x : 4*x+3 : 4*x+3]
				o := out[3*x : 3*x+3 : 3*x+3]
				o[0], o[1], o[2] = p[0]-q[0], p[1]-q[1], p[2]-q[2]
			}
		}
		if _, err := e.zw.Write(e.cur); err != nil {
			return err
		}
		prevRow = row
	}
	if err := e.zw.Close(); err != nil {
		return err
	}

	bw := bufio.NewWriterSize(w, 32<<10)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, truecolour
	e.writeChunk(bw, "IHDR", ihdr[:])
	e.writeChunk(bw, "IDAT", e.zbuf.b)
	e.writeChunk(bw, "IEND", nil)
	return bw.Flush()
}

func (e *pngWriter) writeChunk(w *bufio.Writer, typ string, data []byte) {
	binary.BigEndian.PutUint32(e.chunk[:4], uint32(len(data)))
	copy(e.chunk[4:], typ)
	w.Write(e.chunk[:8])
	w.Write(data)
	crc := crc32.NewIEEE()
	crc.Write(e.chunk[4:8])
	crc.Write(data)
	binary.BigEndian.PutUint32(e.chunk[:4], crc.Sum32())
	w.Write(e.chunk[:4])
}

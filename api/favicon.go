package api

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"html/template"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
)

// The icon is plancast's mark: three rising bars in white on a rounded
// square of the dashboard header's blue. Browsers ask every page's server
// for /favicon.ico unless the page names an icon, and that asking answered
// 404, logged on every dashboard load. So the pages name it inline (a data:
// URL: no request at all), and /favicon.ico answers it too, for a chart or
// a JSON answer opened on its own in a tab, which has no page to name one.
// It says nothing of the data, so it needs no token.

// iconSize is the mark's side, in the SVG's units and the ICO's pixels.
const iconSize = 32

// iconRadius rounds the square's corners.
const iconRadius = 6

var (
	iconBackground = color.NRGBA{0x17, 0x3f, 0x5f, 0xff} // header{background:#173f5f}
	iconBars       = []image.Rectangle{image.Rect(7, 18, 12, 26), image.Rect(14, 13, 19, 26), image.Rect(21, 8, 26, 26)}
)

// iconSVG is the mark as SVG, for the pages' <link rel="icon">.
var iconSVG = func() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">`, iconSize, iconSize, iconSize, iconSize)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" rx="%d" fill="#%02x%02x%02x"/>`, iconSize, iconSize, iconRadius, iconBackground.R, iconBackground.G, iconBackground.B)
	for _, r := range iconBars {
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="#fff"/>`, r.Min.X, r.Min.Y, r.Dx(), r.Dy())
	}
	b.WriteString(`</svg>`)
	return b.String()
}()

// iconDataURL is the SVG mark as a data: URL. It is a constant of this
// file, not input, so it is marked safe for the templates' href.
func iconDataURL() template.URL {
	return template.URL("data:image/svg+xml," + url.PathEscape(iconSVG))
}

// templateFuncs are the functions the pages' templates call.
var templateFuncs = template.FuncMap{"icon": iconDataURL}

// iconImage draws the mark in pixels: a pixel is the colour of the shape
// its centre lies in, transparent outside the rounded corners.
func iconImage() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, iconSize, iconSize))
	const r = float64(iconRadius)
	for y := range iconSize {
		for x := range iconSize {
			cx, cy := float64(x)+0.5, float64(y)+0.5
			// The nearest point of the square shrunk by the radius: a
			// centre farther than the radius from it is outside a corner.
			nx, ny := min(max(cx, r), iconSize-r), min(max(cy, r), iconSize-r)
			if (cx-nx)*(cx-nx)+(cy-ny)*(cy-ny) > r*r {
				continue
			}
			c := iconBackground
			for _, bar := range iconBars {
				if image.Pt(x, y).In(bar) {
					c = color.NRGBA{0xff, 0xff, 0xff, 0xff}
				}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// favicon is /favicon.ico's body: an ICO file holding the mark as one PNG
// image, which every browser in use reads (Windows Vista's format).
var favicon = sync.OnceValues(func() ([]byte, error) {
	var pngData bytes.Buffer
	if err := png.Encode(&pngData, iconImage()); err != nil {
		return nil, fmt.Errorf("draw the icon: %w", err)
	}
	var ico bytes.Buffer
	const headerSize, entrySize = 6, 16
	for _, v := range []any{
		// ICONDIR: reserved, type 1 (icon), one image.
		uint16(0), uint16(1), uint16(1),
		// ICONDIRENTRY: width, height, no palette, reserved, one plane,
		// 32 bits a pixel, the PNG's size and where it starts.
		uint8(iconSize), uint8(iconSize), uint8(0), uint8(0), uint16(1), uint16(32),
		uint32(pngData.Len()), uint32(headerSize + entrySize),
	} {
		if err := binary.Write(&ico, binary.LittleEndian, v); err != nil {
			return nil, err
		}
	}
	ico.Write(pngData.Bytes())
	return ico.Bytes(), nil
})

// faviconCacheControl lets a browser keep the icon for 30 days: it changes
// with a new mark only, and a stale one costs nothing.
const faviconCacheControl = "public, max-age=2592000"

// getFavicon answers GET /favicon.ico with the mark.
func (s *Server) getFavicon(c echo.Context) error {
	body, err := favicon()
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderCacheControl, faviconCacheControl)
	return c.Blob(http.StatusOK, "image/x-icon", body)
}

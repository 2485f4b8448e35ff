package api_test

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"html"
	"image/color"
	"image/png"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/plancast/plancast/api"
)

// Every page a browser opens here made it ask for /favicon.ico, answered
// 404 and logged each time. The pages now carry the icon inline, and
// /favicon.ico answers it, for a chart or an answer opened on its own; the
// icon says nothing of the data, so neither needs the read token.
func TestTheBrowserIsGivenAnIcon(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{ReadToken: "pc_shared-read-secret"})
	browser := []string{"Accept", "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", "Sec-Fetch-Dest", "image"}
	r := s.do("GET", "/favicon.ico", "", "", nil, browser...)
	if r.status != 200 || r.header.Get("Content-Type") != "image/x-icon" {
		t.Fatalf("GET /favicon.ico without a token: %d %s; want 200 image/x-icon", r.status, r.header.Get("Content-Type"))
	}
	if cc := r.header.Get("Cache-Control"); cc != "public, max-age=2592000" {
		t.Errorf("GET /favicon.ico: Cache-Control %q; want it kept 30 days", cc)
	}
	// An ICO file (reserved 0, type 1, one image) whose one image is a
	// 32×32 PNG of the mark.
	var head struct {
		Reserved, Type, Count uint16
		Width, Height, _, _   uint8
		Planes, Bits          uint16
		Size, Offset          uint32
	}
	if err := binary.Read(bytes.NewReader(r.body), binary.LittleEndian, &head); err != nil {
		t.Fatalf("read the ICO header: %v", err)
	}
	if head.Reserved != 0 || head.Type != 1 || head.Count != 1 || head.Width != 32 || head.Height != 32 || int(head.Offset)+int(head.Size) != len(r.body) {
		t.Fatalf("ICO header %+v of a %d-byte file; want one 32×32 image filling the file", head, len(r.body))
	}
	img, err := png.Decode(bytes.NewReader(r.body[head.Offset:]))
	if err != nil {
		t.Fatalf("the icon's image: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 32 || b.Dy() != 32 {
		t.Fatalf("the icon is %v; want 32×32", b)
	}
	at := func(x, y int) color.NRGBA { return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) }
	header, white := color.NRGBA{0x17, 0x3f, 0x5f, 0xff}, color.NRGBA{0xff, 0xff, 0xff, 0xff}
	if at(0, 0).A != 0 || at(2, 16) != header || at(23, 20) != white {
		t.Errorf("the icon's corner %v, edge %v, tallest bar %v; want transparent, the header's %v, white", at(0, 0), at(2, 16), at(23, 20), header)
	}
	s.get("/favicon.ico?v=2").wantError(t, 400, "invalid")

	// The dashboard and the page asking for the read token name the icon
	// inline, so that the browser asks for nothing.
	link := regexp.MustCompile(`<link rel="icon" href="([^"]*)">`)
	for _, page := range []struct {
		what string
		r    response
	}{
		{"the dashboard", s.do("GET", "/", "", "pc_shared-read-secret", nil)},
		{"the page asking for the read token", s.do("GET", "/", "", "", nil, "Accept", "text/html", "Sec-Fetch-Mode", "navigate")},
	} {
		m := link.FindSubmatch(page.r.body)
		if m == nil {
			t.Errorf("%s (%d) names no icon", page.what, page.r.status)
			continue
		}
		href := html.UnescapeString(string(m[1]))
		data, ok := strings.CutPrefix(href, "data:image/svg+xml,")
		if !ok {
			t.Errorf("%s: icon %.60q; want an SVG data: URL", page.what, href)
			continue
		}
		svg, err := url.PathUnescape(data)
		if err != nil {
			t.Errorf("%s: icon %q: %v", page.what, data, err)
			continue
		}
		var doc struct {
			XMLName xml.Name
			Rects   []struct {
				Fill string `xml:"fill,attr"`
			} `xml:"rect"`
		}
		if err := xml.Unmarshal([]byte(svg), &doc); err != nil || doc.XMLName.Local != "svg" || len(doc.Rects) != 4 || doc.Rects[0].Fill != "#173f5f" {
			t.Errorf("%s: icon %s (%v); want an SVG of the header's blue square and three bars", page.what, svg, err)
		}
	}
}

// In headless chromium: loading the dashboard asks the server for no icon
// (it asked for /favicon.ico, answered 404, on every load), and the page's
// inline icon and /favicon.ico both decode as images.
func TestBrowserShowsTheIconAndAsksNothingMissing(t *testing.T) {
	chromiumPath(t) // skips the test before anything starts when there is none
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	ctx := browserContext(t)
	const row = chromedp.CSS(`tr[data-region="houma"][data-indicator="gdp"][data-plan="14th-fyp"]`)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(row)); err != nil {
		t.Fatalf("load the dashboard: %v", err)
	}
	houmaGDPChartWidth(t, ctx) // the page's images have loaded
	// The page named its icon: the browser asked the server for none.
	asked := regexp.MustCompile(`(?m)^plancast_http_requests_total\{.*(route="/favicon.ico"|status="404").*$`)
	if got := asked.FindAllString(string(s.get("/metrics").body), -1); len(got) > 0 {
		t.Errorf("loading the dashboard, the browser asked for an icon: %q", got)
	}
	widths, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`Promise.all([
		document.querySelector('link[rel="icon"]')?.href ?? '', '/favicon.ico',
	].map(src => new Promise(resolve => {
		if (!src) { resolve(-1); return; }
		const img = new Image();
		img.onload = () => resolve(img.naturalWidth);
		img.onerror = () => resolve(0);
		img.src = src;
	})))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("load the icons: %v", err)
	}
	if len(widths) != 2 || widths[0] != 32 || widths[1] != 32 {
		t.Errorf("icon widths %v in the browser; want both 32 wide (-1: the page names no icon; 0: not decoded)", widths)
	}
	metrics := string(s.get("/metrics").body)
	if notFound := regexp.MustCompile(`(?m)^plancast_http_requests_total\{.*status="404"\}.*$`).FindAllString(metrics, -1); len(notFound) > 0 {
		t.Errorf("the icons drew 404s: %q", notFound)
	}
}

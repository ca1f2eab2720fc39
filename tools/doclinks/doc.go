// Package doclinks holds only a test: every relative link and image in the
// repository's Markdown (README.md, CONTRIBUTING.md, CHANGELOG.md and
// docs/*.md) must point at a file that exists, and a link with #anchor at a
// heading of that file. It lives here, not in package main, so that checking
// the documentation needs the standard library only and never builds the GUI.
package doclinks

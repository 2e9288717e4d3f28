"use client";

import "./globals.css";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body className="p-8 font-sans">
        <main>
          <h1>Sorry, there is a problem with the service</h1>
          <p>Try again later.</p>
          {error.digest ? <p>Reference: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}

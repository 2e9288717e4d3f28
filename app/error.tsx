"use client";
// Shown when something unexpected fails. Says so plainly, with a way to try again; no technical detail.
import Link from "@/components/link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main-content" className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="mb-4">Sorry, there is a problem with the service</h1>
      <p className="mb-3">Nothing you saved before this has been lost. Try again, or come back later.</p>
      {error.digest ? <p className="mb-6 text-nhs-secondary">Reference for your IT service desk: {error.digest}</p> : null}
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" className="btn" onClick={() => reset()}>
          Try again
        </button>
        <Link href="/">Go to your home page</Link>
      </div>
    </main>
  );
}

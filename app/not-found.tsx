import Link from "@/components/link";
import { BrandHeader } from "@/components/brand-header";

export default function NotFound() {
  return (
    <>
      <BrandHeader />
      <main id="main-content" className="mx-auto max-w-3xl px-4 py-12">
        <h1 className="mb-4">Page not found</h1>
        <p className="mb-3">If you typed the web address, check it is correct.</p>
        <p className="mb-6">If you followed a link, the record may not exist or you may not have access to it.</p>
        <p>
          <Link href="/">Go to your home page</Link>
        </p>
      </main>
    </>
  );
}

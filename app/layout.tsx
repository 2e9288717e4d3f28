import type { Metadata, Viewport } from "next";
import "./globals.css";
import { DemoBanner } from "@/components/demo-banner";
import { SiteFooter } from "@/components/site-footer";

export const metadata: Metadata = {
  title: { default: "Pathways", template: "%s – Pathways" },
  description: "Develop the allied health support workforce.",
  // Staff records behind a login: nothing here is for search engines (also public/robots.txt).
  robots: { index: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#005eb8" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans">
        <a
          href="#main-content"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-nhs-focus focus:p-2 focus:text-nhs-text"
        >
          Skip to main content
        </a>
        <DemoBanner />
        {children}
        <SiteFooter />
      </body>
    </html>
  );
}

"use client";
// Every in-app link: next/link, prefetching the page it leads to only when the person reaches for it (pointer over
// it, or keyboard focus on it), not whenever it scrolls into view. Pathways' pages are dynamic and behind a login: by
// default a team list or the navigation fired 20 to 36 background requests a page view, each rendering a page on
// the server with its queries, for links nobody followed (decision record 0017). Lint keeps next/link to this file.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

export default function Link({ href, prefetch, onPointerEnter, onFocus, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const path = typeof href === "string" && href.startsWith("/") ? href : undefined;
  const onIntent = () => {
    if (path && prefetch !== false) router.prefetch(path);
  };
  return (
    <NextLink
      href={href}
      prefetch={false}
      onPointerEnter={(event) => {
        onIntent();
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        onIntent();
        onFocus?.(event);
      }}
      {...props}
    />
  );
}

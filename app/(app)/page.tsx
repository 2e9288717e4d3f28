import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { homeFor } from "@/lib/roles";

/** `/` sends each user to their home. */
export default async function Home() {
  const user = await requireUser();
  redirect(homeFor(user.role));
}

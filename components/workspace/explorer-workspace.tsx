import { GraphPanel } from "./graph-panel";
import { SearchForm } from "./search-form";

/**
 * The investigator's workspace: the search box over the graph. Until the
 * explorer exists the panel is always empty; the explorer will own the
 * GraphPanelState and feed it from search results.
 */
export function ExplorerWorkspace() {
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 p-4">
      <SearchForm />
      <GraphPanel state={{ status: "empty" }} />
    </div>
  );
}

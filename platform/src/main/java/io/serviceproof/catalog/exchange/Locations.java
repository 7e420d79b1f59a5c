package io.serviceproof.catalog.exchange;

/**
 * Turns a position in a {@link LibraryDocument} into a location in the file the user sent, so an
 * error found after parsing still points at the row or path to fix.
 */
public interface Locations {

    String framework(int framework, String field);

    String requirement(int framework, int requirement, String field);

    default String mapping(int mapping, String field) {
        return "mappings[" + mapping + "]." + field;
    }

    default String other(String section, int index, String field) {
        return section + "[" + index + "]." + field;
    }

    /** Paths into the YAML document itself. */
    Locations YAML = new Locations() {
        @Override
        public String framework(int framework, String field) {
            return "frameworks[" + framework + "]." + field;
        }

        @Override
        public String requirement(int framework, int requirement, String field) {
            return "frameworks[" + framework + "].requirements[" + requirement + "]." + field;
        }
    };

    /** Maps of an OSCAL mapping collection, numbered as a reader counts them. */
    Locations MAPPING_COLLECTION = new Locations() {
        @Override
        public String framework(int framework, String field) {
            return "#";
        }

        @Override
        public String requirement(int framework, int requirement, String field) {
            return "#";
        }

        @Override
        public String mapping(int index, String field) {
            return "#/mapping-collection/mappings (map " + (index + 1) + ") " + field;
        }
    };
}

"""What the Streamlit pages share: interface text, session state, question widgets, charts."""
